package dev.strata.lsp.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.lsp.ServerLog;
import dev.strata.text.Position;
import dev.strata.text.Range;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of didChanges queued behind a busy writer becomes one new state: the texts are spliced in
 * order, parsed once, and a request after the burst sees every edit.
 */
class WorkspaceCoalescingTest {
  private final ExecutorService writer = Executors.newSingleThreadExecutor();
  private final List<WorkspaceState> published = new CopyOnWriteArrayList<>();
  private final Workspace workspace =
      new Workspace(
          writer, new ServerLog(new PrintStream(new ByteArrayOutputStream())), published::add);

  @AfterEach
  void stop() {
    writer.shutdownNow();
  }

  @Test
  void aBurstOfChangesIsParsedOnceAndARequestSeesAllOfIt(@TempDir Path root) throws Exception {
    Path file = root.resolve("app.yaml");
    Files.writeString(file, "a: 0\n");
    String uri = file.toUri().toString();
    workspace.addFolders(List.of(root), folders -> Progress.NONE);
    workspace.open(uri, 1, "a: 0\n");
    workspace.settled().get(30, TimeUnit.SECONDS);
    int before = published.size();

    CountDownLatch busy = new CountDownLatch(1);
    writer.execute(
        () -> {
          try {
            busy.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    StringBuilder expected = new StringBuilder("a: 0\n");
    for (int i = 1; i <= 200; i++) {
      String line = "k" + i + ": " + i + "\n";
      Position end = new Position(i, 0);
      workspace.change(
          uri, 1 + i, List.of(new ContentChange(Optional.of(new Range(end, end)), line)));
      expected.append(line);
    }
    busy.countDown();
    WorkspaceState state = workspace.settled().get(30, TimeUnit.SECONDS);

    assertEquals(before + 1, published.size(), "one state for the whole burst");
    assertEquals(Optional.of(201), state.version(uri));
    RootState folder = state.locate(uri).orElseThrow().root();
    assertEquals(expected.toString(), folder.snapshot().file("app.yaml").orElseThrow().text());
  }

  @Test
  void aChangeFollowedByACloseLeavesTheDiskText(@TempDir Path root) throws Exception {
    Path file = root.resolve("app.yaml");
    Files.writeString(file, "on: disk\n");
    String uri = file.toUri().toString();
    workspace.addFolders(List.of(root), folders -> Progress.NONE);
    workspace.open(uri, 1, "on: disk\n");
    workspace.change(uri, 2, List.of(new ContentChange(Optional.empty(), "in: editor\n")));
    workspace.close(uri);
    WorkspaceState state = workspace.settled().get(30, TimeUnit.SECONDS);
    assertTrue(state.version(uri).isEmpty());
    assertEquals(
        "on: disk\n",
        state.locate(uri).orElseThrow().root().snapshot().file("app.yaml").orElseThrow().text());
  }
}
