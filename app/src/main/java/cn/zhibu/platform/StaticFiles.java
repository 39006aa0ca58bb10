package cn.zhibu.platform;

import java.util.List;
import java.util.stream.Stream;

/**
 * The public files every page loads (styles, scripts, icons, the installable app's files): the same for everyone,
 * served to anyone, and never a reason to read the user's session. One list for the security rules that let anyone
 * fetch them and for the request-path checks that leave the session alone.
 */
public final class StaticFiles {

    private static final List<String> FOLDERS = List.of("/css/", "/js/", "/img/", "/webjars/");
    private static final List<String> FILES = List.of("/sw.js", "/offline.html", "/manifest.webmanifest");

    private StaticFiles() {
    }

    /** Asked on every request the dispatcher serves: a plain loop, no stream. */
    public static boolean isStaticFile(String path) {
        if (path == null) {
            return false;
        }
        for (String folder : FOLDERS) {
            if (path.startsWith(folder)) {
                return true;
            }
        }
        return FILES.contains(path);
    }

    /** The same files as path patterns ({@code /css/**} …), for request matchers. */
    public static String[] patterns() {
        return Stream.concat(FOLDERS.stream().map(folder -> folder + "**"), FILES.stream())
                .toArray(String[]::new);
    }
}
