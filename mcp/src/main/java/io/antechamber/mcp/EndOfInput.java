package io.antechamber.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * Standard input that tells when it ends: the host closed it, so the stdio server should exit. The SDK's transport
 * stops reading then but keeps its threads, and the process would outlive its host.
 */
final class EndOfInput extends FilterInputStream {

    private final CountDownLatch ended = new CountDownLatch(1);

    EndOfInput(InputStream in) {
        super(in);
    }

    void await() throws InterruptedException {
        ended.await();
    }

    @Override
    public int read() throws IOException {
        try {
            return noted(super.read());
        } catch (IOException e) {
            ended.countDown();
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return noted(super.read(b, off, len));
        } catch (IOException e) {
            ended.countDown();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        ended.countDown();
        super.close();
    }

    private int noted(int read) {
        if (read < 0) {
            ended.countDown();
        }
        return read;
    }
}
