package cn.zhibu.platform;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Notifications by e-mail, when SMTP is configured ({@code spring.mail.host}; without it nothing is sent and the
 * inbox is the only notice). A module hands over the messages inside its transaction; they leave only after it
 * commits (a rolled-back action notifies no one), one by one on a background thread, so a slow or failing mail server
 * neither delays nor fails the user's action: a message that cannot be sent is logged and dropped.
 */
@Component
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    /** One message to one address, in plain text. */
    public record Mail(String to, String subject, String text) {
    }

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final ExecutorService outbox = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "zhibu-mail");
        t.setDaemon(true);
        return t;
    });

    Notifications(ObjectProvider<JavaMailSender> sender, @Value("${zhibu.mail.from:zhibu@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /** Whether e-mail is sent at all (SMTP configured). */
    public boolean mailEnabled() {
        return sender.getIfAvailable() != null;
    }

    /** Sends the messages after the current transaction commits (at once when there is none); never throws. */
    public void email(Collection<Mail> mails) {
        JavaMailSender mailer = sender.getIfAvailable();
        if (mailer == null || mails.isEmpty()) {
            return;
        }
        List<Mail> batch = mails.stream().filter(m -> m.to() != null && !m.to().isBlank()).toList();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    queue(mailer, batch);
                }
            });
        } else {
            queue(mailer, batch);
        }
    }

    private void queue(JavaMailSender mailer, List<Mail> batch) {
        try {
            outbox.execute(() -> batch.forEach(m -> send(mailer, m)));
        } catch (RuntimeException e) {
            log.warn("邮件未能排队发送（{}封）：{}", batch.size(), e.toString());
        }
    }

    private void send(JavaMailSender mailer, Mail mail) {
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(mail.to());
            message.setSubject(mail.subject());
            message.setText(mail.text());
            mailer.send(message);
        } catch (RuntimeException e) {
            // the address is a person's: log the failure, not whom it was for
            log.warn("邮件发送失败（{}）：{}", mail.subject(), e.toString());
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        outbox.shutdown();
        outbox.awaitTermination(10, TimeUnit.SECONDS);
    }
}
