package cn.zhibu.platform.db;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.SQLException;

/** One {@code COPY … FROM STDIN} in text format on the load's connection, fed with {@link CopyText} buffers. */
public final class CopyStream implements AutoCloseable {

    private final CopyIn copy;
    private long rows;

    private CopyStream(CopyIn copy) {
        this.copy = copy;
    }

    public static CopyStream open(Connection connection, String table, String columns) throws SQLException {
        return new CopyStream(connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + columns + ") from stdin"));
    }

    /** Sends the buffer's rows and empties it for reuse. */
    public void send(CopyText text) throws SQLException {
        copy.writeToCopy(text.array(), 0, text.length());
        rows += text.rows();
        text.clear();
    }

    /** Sends the buffer when it has grown past about a megabyte, to keep memory flat. */
    public void sendIfFull(CopyText text) throws SQLException {
        if (text.length() >= 1 << 20) {
            send(text);
        }
    }

    /** Ends the COPY; returns the number of rows the server stored. */
    public long finish() throws SQLException {
        long stored = copy.endCopy();
        if (stored != rows) {
            throw new IllegalStateException("COPY 写入行数不符：发送" + rows + "行，数据库收到" + stored + "行");
        }
        return stored;
    }

    /** Cancels a COPY that did not finish, so the connection can roll back. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
