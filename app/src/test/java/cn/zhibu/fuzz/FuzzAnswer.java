package cn.zhibu.fuzz;

import cn.zhibu.fuzz.RequestFactory.FuzzRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One answer worth reporting. */
public record FuzzAnswer(FuzzRequest request, int status, long millis, String contentType, String body) {

    /** The same answer to a request whose body is cut to {@code max} bytes: kept failures stay small. */
    FuzzAnswer withBodyAtMost(int max) {
        byte[] body = request.body();
        if (body == null || body.length <= max) {
            return this;
        }
        List<String> labels = new ArrayList<>(request.labels());
        labels.add("body cut from " + body.length + " bytes");
        return new FuzzAnswer(new FuzzRequest(request.index(), request.operation(), request.method(),
                request.pathAndQuery(), request.contentType(), Arrays.copyOf(body, max), request.accept(),
                request.auth(), List.copyOf(labels)), status, millis, contentType, this.body);
    }

    boolean broken() {
        return status >= 500 || status == 0;
    }

    boolean slow(Duration limit) {
        return millis > limit.toMillis();
    }

    String id(long seed) {
        return seed + "-" + request.index();
    }

    public String describe() {
        return "status " + (status == 0 ? "none (" + body + ")" : status) + " in " + millis + " ms: "
                + request.describe(400) + "\n    answer" + (contentType == null ? "" : " [" + contentType + "]")
                + ": " + RequestFactory.escape(RequestFactory.truncate(body == null ? "" : body, 600));
    }
}
