package cn.zhibu.platform;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * What an uploaded file really is, by its bytes, never by its name: the signatures of the few kinds the platform
 * accepts (%PDF, PNG, JPEG; OLE2 with a Word or Excel stream for .doc/.xls; a zip whose {@code [Content_Types].xml}
 * declares a Word or Excel main part for .docx/.xlsx, or with {@code OFD.xml} for OFD; for course media an ISO base
 * media file's {@code ftyp} box (MP4, or M4A by its brand), EBML with the {@code webm} doc type, {@code OggS},
 * RIFF/WAVE, and MP3 by its ID3 tag or an MPEG audio frame header). Our own check rather than
 * Apache Tika: Tika's core alone cannot tell .docx from .xlsx (that needs its parser modules, tens of MB), and
 * eight signatures are a page of code.
 */
public final class FileContent {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] OLE = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
            (byte) 0xe1};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static final byte[] EBML = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3};
    private static final byte[] OGG = "OggS".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID3 = "ID3".getBytes(StandardCharsets.US_ASCII);
    /** Bytes of a file's start that tell its kind (the ftyp brand, WebM's doc type within the EBML header). */
    private static final int HEAD_BYTES = 64;
    /** [Content_Types].xml is a few KB; more than this is not a real one. */
    private static final int MAX_CONTENT_TYPES_BYTES = 1 << 20;

    private FileContent() {
    }

    /** The kind of these bytes, or empty when they are none of the accepted kinds. */
    public static Optional<FileKind> detect(byte[] content) {
        if (startsWith(content, ZIP)) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
                boolean ofd = false;
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (e.getName().equals(CONTENT_TYPES)) {
                        return officeKind(zip);
                    }
                    ofd |= e.getName().equals("OFD.xml");
                }
                return ofd ? Optional.of(FileKind.OFD) : Optional.empty();
            } catch (IOException | IllegalArgumentException e) {
                return Optional.empty(); // a damaged archive (an entry name that is not UTF-8 …) is no document of ours
            }
        }
        return byHeader(content);
    }

    /** The kind of a stored file (the zip read by its central directory, as the libraries that open it will). */
    public static Optional<FileKind> detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        if (!startsWith(head, ZIP)) {
            return head.length >= OLE.length && startsWith(head, OLE)
                    ? byHeader(Files.readAllBytes(file)) : byHeader(head);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry types = zip.getEntry(CONTENT_TYPES);
            if (types != null) {
                try (InputStream in = zip.getInputStream(types)) {
                    return officeKind(in);
                }
            }
            return zip.getEntry("OFD.xml") != null ? Optional.of(FileKind.OFD) : Optional.empty();
        } catch (java.util.zip.ZipException e) {
            return Optional.empty();
        }
    }

    private static Optional<FileKind> byHeader(byte[] content) {
        if (startsWith(content, PDF)) {
            return Optional.of(FileKind.PDF);
        }
        if (startsWith(content, PNG)) {
            return Optional.of(FileKind.PNG);
        }
        if (startsWith(content, JPEG)) {
            return Optional.of(FileKind.JPEG);
        }
        Optional<FileKind> media = media(content);
        if (media.isPresent()) {
            return media;
        }
        if (startsWith(content, OLE)) {
            // the compound file's directory names its streams in UTF-16LE: Word keeps "WordDocument", Excel "Workbook"
            // (or "Book" before Excel 97)
            if (contains(content, utf16("WordDocument"))) {
                return Optional.of(FileKind.DOC);
            }
            if (contains(content, utf16("Workbook")) || contains(content, utf16("Book"))) {
                return Optional.of(FileKind.XLS);
            }
        }
        return Optional.empty();
    }

    /** Audio and video by their first bytes. */
    private static Optional<FileKind> media(byte[] head) {
        if (head.length >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            String brand = ascii(head, 8, 4);
            return Optional.of(brand.equals("M4A ") || brand.equals("M4B ") ? FileKind.M4A : FileKind.MP4);
        }
        if (startsWith(head, EBML)) {
            return contains(Arrays.copyOf(head, Math.min(head.length, HEAD_BYTES)),
                    "webm".getBytes(StandardCharsets.US_ASCII)) ? Optional.of(FileKind.WEBM) : Optional.empty();
        }
        if (startsWith(head, OGG)) {
            return Optional.of(FileKind.OGG);
        }
        if (head.length >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WAVE")) {
            return Optional.of(FileKind.WAV);
        }
        // an ID3v2 tag, or an MPEG-1/2 layer III frame: 11 sync bits, a version that is not "reserved", layer III
        if (startsWith(head, ID3) || (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xe0) == 0xe0
                && (head[1] & 0x18) != 0x08 && (head[1] & 0x06) == 0x02)) {
            return Optional.of(FileKind.MP3);
        }
        return Optional.empty();
    }

    private static String ascii(byte[] content, int from, int length) {
        return new String(content, from, length, StandardCharsets.ISO_8859_1);
    }

    /** Reads a [Content_Types].xml (bounded) and says whether it declares a Word or an Excel document. */
    private static Optional<FileKind> officeKind(InputStream contentTypes) throws IOException {
        byte[] xml = contentTypes.readNBytes(MAX_CONTENT_TYPES_BYTES);
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Override")) {
                    String type = r.getAttributeValue(null, "ContentType");
                    if (WORD_MAIN.equals(type)) {
                        return Optional.of(FileKind.DOCX);
                    }
                    if (EXCEL_MAIN.equals(type)) {
                        return Optional.of(FileKind.XLSX);
                    }
                }
            }
        } catch (XMLStreamException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean contains(byte[] content, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= content.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (content[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
