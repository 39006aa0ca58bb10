package cn.zhibu.platform;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks an uploaded .xlsx before any spreadsheet library opens it, by reading every part itself through bounded
 * streams: the sizes the archive declares are not trusted, the bytes actually unpacked are counted. Refused, with the
 * reason in Chinese: a file that is not an .xlsx (415); too many parts, a part or the whole unpacking to too much, a
 * part that expands suspiciously (a zip bomb), too many rows or shared strings (413); a cell or shared string longer
 * than the longest text a field takes (400, naming the cell). A 100 KB file holding a 100-million-character string
 * stops after its first megabyte unpacked, in a few KB of heap.
 */
public final class XlsxGuard {

    /** Below this many unpacked bytes a part's ratio is not judged (small parts of repeated markup compress well). */
    private static final long RATIO_FROM_BYTES = 1 << 20;
    private static final XMLInputFactory XML = XMLInputFactory.newDefaultFactory();

    static {
        // the JDK parser, not coalescing: a long text arrives in buffer-sized pieces, so counting it never holds it
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    /**
     * @param maxEntries       parts in the archive
     * @param maxEntryBytes    unpacked bytes of one part
     * @param maxTotalBytes    unpacked bytes of all parts
     * @param maxRatio         unpacked : packed bytes of a part (text XML packs about 10:1)
     * @param maxRows          rows of a worksheet, header included
     * @param maxSharedStrings strings in the shared-string table
     * @param maxCellChars     characters of one cell or shared string
     */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio, int maxRows,
                         int maxSharedStrings, int maxCellChars) {
    }

    private XlsxGuard() {
    }

    /** Throws if the file is not an .xlsx within the limits; {@code field} names the upload in the answer. */
    public static void check(Path file, String field, Limits limits) throws IOException {
        if (FileContent.detect(file).orElse(null) != FileKind.XLSX) {
            throw new UnsupportedContentException(field, "文件内容不是 Excel 工作簿（.xlsx）：请用 Excel 或 WPS 另存为 .xlsx 后上传");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            checkDeclared(zip, field, limits);
            long total = 0;
            int entries = 0;
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                if (++entries > limits.maxEntries()) {
                    throw new PayloadTooLargeException(field, "文件中的部件超过" + limits.maxEntries() + "个，不是正常的 Excel 工作簿");
                }
                try (Counted in = new Counted(zip.getInputStream(entry), entry, total, field, limits)) {
                    String name = entry.getName();
                    if (name.equals("xl/sharedStrings.xml")) {
                        scanSharedStrings(in, field, limits);
                    } else if (name.startsWith("xl/worksheets/") && name.endsWith(".xml")) {
                        scanSheet(in, field, limits);
                    }
                    in.skipRest();
                    total += in.count;
                }
            }
        } catch (ZipException e) {
            throw new UnsupportedContentException(field, "文件已损坏，无法按 .xlsx 读取");
        } catch (XMLStreamException e) {
            // a limit passed while the parser was reading comes back wrapped
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof InvalidInputException refused) {
                    throw refused;
                }
            }
            throw InvalidInputException.of(field, "文件中的表格内容格式有误，无法读取：请用 Excel 或 WPS 打开后重新保存");
        }
    }

    /**
     * What the archive says of itself, judged before anything is unpacked: a bomb made by ordinary tools declares its
     * sizes truthfully and is refused at once. A lying archive is caught by the counting while it is read.
     */
    private static void checkDeclared(ZipFile zip, String field, Limits limits) {
        if (zip.size() > limits.maxEntries()) {
            throw new PayloadTooLargeException(field, "文件中的部件超过" + limits.maxEntries() + "个，不是正常的 Excel 工作簿");
        }
        long total = 0;
        for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
            ZipEntry entry = all.nextElement();
            long size = entry.getSize();
            if (size > 0) {
                tooLarge(entry, size, total += size, field, limits);
            }
        }
    }

    private static void tooLarge(ZipEntry entry, long unpacked, long total, String field, Limits limits) {
        long packed = entry.getCompressedSize();
        if (packed > 0 && unpacked > RATIO_FROM_BYTES && unpacked / packed > limits.maxRatio()) {
            throw new PayloadTooLargeException(field, "文件中的部件" + Quote.of(entry.getName()) + "解压后膨胀超过"
                    + limits.maxRatio() + "倍，疑似恶意压缩文件，已拒绝");
        }
        if (unpacked > limits.maxEntryBytes()) {
            throw new PayloadTooLargeException(field, "文件解压后过大（单个部件超过" + limits.maxEntryBytes() / (1 << 20)
                    + " MB），请拆分文件");
        }
        if (total > limits.maxTotalBytes()) {
            throw new PayloadTooLargeException(field, "文件解压后过大（超过" + limits.maxTotalBytes() / (1 << 20)
                    + " MB），请拆分文件");
        }
    }

    private static void scanSharedStrings(InputStream in, String field, Limits limits) throws XMLStreamException {
        XMLStreamReader r = XML.createXMLStreamReader(unclosable(in));
        int strings = 0;
        long chars = -1; // characters of the current <si>, or -1 outside one
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (r.getLocalName().equals("si")) {
                        if (++strings > limits.maxSharedStrings()) {
                            throw new PayloadTooLargeException(field, "文件中的不同文字超过" + limits.maxSharedStrings()
                                    + "项，请拆分文件");
                        }
                        chars = 0;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (r.getLocalName().equals("si")) {
                        chars = -1;
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (chars >= 0 && (chars += r.getTextLength()) > limits.maxCellChars()) {
                        throw InvalidInputException.of(field, "文件中第" + strings + "项文字超过" + limits.maxCellChars()
                                + "个字符（任何一栏都不会这么长），请检查文件");
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void scanSheet(InputStream in, String field, Limits limits) throws XMLStreamException {
        XMLStreamReader r = XML.createXMLStreamReader(unclosable(in));
        int rows = 0;
        String cell = null; // reference of the current <c>, e.g. "D5"
        long chars = 0;
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = r.getLocalName();
                    if (name.equals("row") && ++rows > limits.maxRows()) {
                        throw new PayloadTooLargeException(field, "工作表超过" + limits.maxRows() + "行，请拆分文件");
                    }
                    if (name.equals("c")) {
                        String ref = r.getAttributeValue(null, "r");
                        cell = ref == null ? "第" + rows + "行" : Quote.of(ref);
                        chars = 0;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (r.getLocalName().equals("c")) {
                        cell = null;
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (cell != null && (chars += r.getTextLength()) > limits.maxCellChars()) {
                        throw InvalidInputException.of(field, "单元格" + cell + "的内容超过" + limits.maxCellChars()
                                + "个字符（任何一栏都不会这么长），请检查文件");
                    }
                }
                default -> {
                }
            }
        }
    }

    /** The parser closes its input at the end of the document; the rest of the part is still to be counted. */
    private static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the part's stream is closed by check()
            }
        };
    }

    /** One part's unpacked bytes, counted as they are read, refused as soon as a limit is passed. */
    private static final class Counted extends FilterInputStream {
        private final ZipEntry entry;
        private final long before;
        private final String field;
        private final Limits limits;
        long count;

        Counted(InputStream in, ZipEntry entry, long before, String field, Limits limits) {
            super(in);
            this.entry = entry;
            this.before = before;
            this.field = field;
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        void skipRest() throws IOException {
            byte[] buffer = new byte[8192];
            while (read(buffer, 0, buffer.length) >= 0) {
                // counted by read
            }
        }

        private void counted(int n) {
            count += n;
            tooLarge(entry, count, before + count, field, limits);
        }
    }
}
