package io.latchkey.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A server distribution from the local Maven repository, unpacked once per build, and its ports. */
public final class Distribution {

    private Distribution() {
    }

    /**
     * Unpacks {@code zip} under {@code installRoot} unless a previous run did (a marker file tells a
     * complete unpacking from an interrupted one) and returns its top folder. Files in {@code bin}
     * folders become executable, as the zip's Unix modes are lost.
     */
    public static Path unpack(Path zip, Path installRoot) {
        Path marker = installRoot.resolve(zip.getFileName() + ".unpacked");
        try {
            if (Files.isRegularFile(marker)) {
                return installRoot.resolve(Files.readString(marker).strip());
            }
            String top = null;
            try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
                for (ZipEntry entry; (entry = entries.getNextEntry()) != null;) {
                    Path target = installRoot.resolve(entry.getName()).normalize();
                    if (!target.startsWith(installRoot)) {
                        throw new IOException("entry outside the target: " + entry.getName());
                    }
                    if (top == null) {
                        top = entry.getName().split("/")[0];
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                        if (target.getParent().getFileName().toString().equals("bin")) {
                            target.toFile().setExecutable(true);
                        }
                    }
                }
            }
            if (top == null) {
                throw new IOException("empty archive");
            }
            Files.writeString(marker, top);
            return installRoot.resolve(top);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    /** Whether every one of {@code ports} is free now. */
    public static boolean allFree(IntStream ports) {
        return ports.allMatch(port -> {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
                return true;
            } catch (IOException taken) {
                return false;
            }
        });
    }

    /**
     * A multiple of 100 between 10,000 and 21,900 at which every port of {@code portsAt} is free
     * now: a port base or offset for a whole server, whose ports then stay below the kernel's
     * ephemeral range.
     */
    public static int freeBlock(java.util.function.IntFunction<IntStream> portsAt) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int block = 100 * java.util.concurrent.ThreadLocalRandom.current().nextInt(100, 220);
            if (allFree(portsAt.apply(block))) {
                return block;
            }
        }
        throw new IllegalStateException("no free block of ports found");
    }
}
