package cn.zhibu.platform.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Passes a response through unchanged and, once {@link #capture(String, int)} was called before the first byte, keeps
 * a copy of the body up to a bound, for the read cache. A body written through the writer, reset, or beyond the bound
 * is not kept.
 */
final class CapturedResponse extends HttpServletResponseWrapper {

    private ByteArrayOutputStream copy;
    private int bound;
    private String tag;
    private boolean spoiled;
    private ServletOutputStream stream;

    CapturedResponse(HttpServletResponse response) {
        super(response);
    }

    /** Keep the body of this response, sending {@code tag} as its ETag if it succeeds. */
    void capture(String tag, int bound) {
        this.tag = tag;
        this.bound = bound;
        this.copy = new ByteArrayOutputStream(Math.min(bound, 8192));
    }

    /** The body, if it was captured whole from a 200. */
    byte[] captured() {
        return copy == null || spoiled || getStatus() != SC_OK ? null : copy.toByteArray();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        spoiled = true;
        return super.getWriter();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        if (copy != null) {
            copy.reset();
        }
    }

    @Override
    public void reset() {
        super.reset();
        spoiled = true;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            ServletOutputStream out = super.getOutputStream();
            stream = new ServletOutputStream() {
                private boolean started;

                @Override
                public void write(int b) throws IOException {
                    start();
                    out.write(b);
                    keep(new byte[]{(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    start();
                    out.write(b, off, len);
                    keep(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    start();
                    out.flush();
                }

                /** The tag goes out with the first byte, and only on a success: headers cannot follow the body. */
                private void start() {
                    if (!started) {
                        started = true;
                        if (copy != null && getStatus() == SC_OK && !isCommitted()) {
                            setHeader("ETag", tag);
                        }
                    }
                }

                @Override
                public boolean isReady() {
                    return out.isReady();
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    out.setWriteListener(listener);
                }
            };
        }
        return stream;
    }

    private void keep(byte[] b, int off, int len) {
        if (copy == null || spoiled) {
            return;
        }
        if (copy.size() + len > bound) {
            spoiled = true;
            copy = null;
            return;
        }
        copy.write(b, off, len);
    }
}
