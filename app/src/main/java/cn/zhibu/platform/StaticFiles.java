package cn.zhibu.platform;

/**
 * The public files every page loads (styles, scripts, icons, the installable app's files): the same for everyone,
 * served to anyone, and never a reason to read the user's session.
 */
public final class StaticFiles {

    private StaticFiles() {
    }

    public static boolean isStaticFile(String path) {
        return path != null && (path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/sw.js") || path.equals("/offline.html")
                || path.equals("/manifest.webmanifest"));
    }
}
