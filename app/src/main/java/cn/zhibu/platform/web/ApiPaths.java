package cn.zhibu.platform.web;

/** Which requests are the API's: they get problem documents, never HTML. */
final class ApiPaths {

    static final String PREFIX = "/api/";

    private ApiPaths() {
    }

    static boolean isApi(String path) {
        return path != null && path.startsWith(PREFIX);
    }
}
