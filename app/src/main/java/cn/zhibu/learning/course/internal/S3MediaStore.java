package cn.zhibu.learning.course.internal;

import cn.zhibu.learning.course.MediaStorageSettings;
import cn.zhibu.learning.course.MediaStore;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;

/**
 * Media in an S3-compatible bucket (AWS SDK v2 over the JDK's HTTP connection). Reading a range asks the store for
 * just that range: the resource's stream skips by moving its start and opens the object only at the first read, so a
 * video resumed at minute 40 does not download the first 40 minutes first.
 */
public class S3MediaStore implements MediaStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    public S3MediaStore(MediaStorageSettings settings) {
        this.bucket = settings.bucket();
        this.s3 = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(settings.endpoint()))
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .forcePathStyle(settings.pathStyle())
                // checksums only where S3 requires them: not every S3-compatible store knows the newer ones
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @Override
    public void put(String key, Path file) throws IOException {
        if (exists(key)) {
            return;
        }
        try {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("对象存储写入失败：" + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("对象存储读取失败：" + e.getMessage(), e);
        } catch (SdkException e) {
            // the store unreachable, a timeout …
            throw new IOException("对象存储读取失败：" + e.getMessage(), e);
        }
    }

    @Override
    public Resource open(String key, long length) {
        return new RangedObject(key, length);
    }

    @Override
    public void close() {
        s3.close();
    }

    /** An object of known length whose stream opens at the first read, from where it was skipped to. */
    private final class RangedObject extends AbstractResource {

        private final String key;
        private final long length;

        RangedObject(String key, long length) {
            this.key = key;
            this.length = length;
        }

        @Override
        public String getDescription() {
            return "S3 object " + key;
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public long lastModified() {
            return 0;
        }

        @Override
        public InputStream getInputStream() {
            return new InputStream() {
                private long position;
                private ResponseInputStream<GetObjectResponse> body;

                /** Opens the object from the current position: the store sends nothing before it. */
                private InputStream body() throws IOException {
                    if (body == null) {
                        String range = "bytes=" + position + "-";
                        try {
                            body = s3.getObject(b -> b.bucket(bucket).key(key).range(range));
                        } catch (NoSuchKeyException e) {
                            throw new FileNotFoundException("对象存储中没有该文件：" + key);
                        } catch (SdkException e) {
                            // an IOException, as from a file: Spring MVC then ends the answer instead of a 500 page
                            throw new IOException("对象存储读取失败：" + e.getMessage(), e);
                        }
                    }
                    return body;
                }

                @Override
                public long skip(long n) throws IOException {
                    long skipped = body != null ? body.skip(n) : Math.max(0, Math.min(n, length - position));
                    position += skipped;
                    return skipped;
                }

                @Override
                public int read() throws IOException {
                    if (position >= length) {
                        return -1;
                    }
                    int b = body().read();
                    if (b >= 0) {
                        position++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (position >= length) {
                        return -1;
                    }
                    int n = body().read(b, off, len);
                    if (n > 0) {
                        position += n;
                    }
                    return n;
                }

                /**
                 * A range answer usually stops before the object's end (the player asked for a part): the rest is
                 * not drained from the store but the connection dropped.
                 */
                @Override
                public void close() throws IOException {
                    if (body != null) {
                        if (position < length) {
                            body.abort();
                        }
                        body.close();
                    }
                }
            };
        }
    }
}
