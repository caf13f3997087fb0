package dev.strata.lsp.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.lsp.ServerLog;
import dev.strata.text.Range;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests about a document never wait behind the writer when a published state already holds the
 * text the client sent, and answer from the newest analysed state while the published one is not
 * rendered yet; a request about a document with an edit still queued waits for it.
 */
class WorkspaceReadsTest {
  private final ExecutorService writer = Executors.newSingleThreadExecutor();
  private final Workspace workspace =
      new Workspace(writer, new ServerLog(new PrintStream(new ByteArrayOutputStream())), s -> {});
  private final CountDownLatch busy = new CountDownLatch(1);
  private String edited;
  private String other;

  @TempDir Path root;

  @BeforeEach
  void open() throws Exception {
    Files.writeString(root.resolve("a.yaml"), "a: 0\n");
    Files.writeString(root.resolve("b.yaml"), "b: 0\n");
    edited = root.resolve("a.yaml").toUri().toString();
    other = root.resolve("b.yaml").toUri().toString();
    workspace.addFolders(List.of(root), folders -> Progress.NONE);
    workspace.open(edited, 1, "a: 0\n");
    workspace.open(other, 1, "b: 0\n");
    workspace.settled().get(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    busy.countDown();
    writer.shutdownNow();
  }

  private void blockWriter() {
    writer.execute(
        () -> {
          try {
            busy.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  /** The published state, rendered and recorded as analysed, as the analyzer would. */
  private WorkspaceState analyseCurrent() {
    WorkspaceState analysed = workspace.current();
    analysed.roots().get(0).snapshot().render();
    workspace.analysed(analysed);
    return analysed;
  }

  private void edit(int version, String text) {
    workspace.change(edited, version, List.of(new ContentChange(Optional.empty(), text)));
  }

  private static String text(WorkspaceState state, String path) {
    return state.roots().get(0).snapshot().file(path).orElseThrow().text();
  }

  @Test
  void aRequestAboutAnUpToDateDocumentAnswersWhileTheWriterIsBusy() throws Exception {
    blockWriter();
    edit(2, "a: 1\n");
    CompletableFuture<WorkspaceState> forOther = workspace.forDocument(other);
    CompletableFuture<WorkspaceState> forEdited = workspace.forDocument(edited);
    assertTrue(forOther.isDone(), "a hover in another file waits for nothing");
    assertEquals("b: 0\n", text(forOther.get(), "b.yaml"));
    assertFalse(forEdited.isDone(), "the edited file's request waits for its edit");

    busy.countDown();
    WorkspaceState state = forEdited.get(30, TimeUnit.SECONDS);
    assertEquals("a: 1\n", text(state, "a.yaml"));
    assertEquals(Optional.of(2), state.version(edited));
  }

  @Test
  void theAnalysedStateAnswersWhileTheNewestIsNotRendered() throws Exception {
    WorkspaceState analysed = analyseCurrent();
    edit(2, "a: 1\n");
    WorkspaceState published = workspace.settled().get(30, TimeUnit.SECONDS);
    assertFalse(published.roots().get(0).snapshot().rendered());

    assertSame(analysed, workspace.forDocument(other).get(), "b.yaml is the same in both");
    assertSame(published, workspace.forDocument(edited).get(), "a.yaml changed since");
    published.roots().get(0).snapshot().render();
    assertSame(published, workspace.forDocument(other).get(), "rendered: the newest answers");
  }

  @Test
  void aHoverAboveTheLinesBeingTypedAnswersFromTheAnalysedState() throws Exception {
    WorkspaceState analysed = analyseCurrent();
    edit(2, "a: 0\nz: 1\n");
    WorkspaceState published = workspace.settled().get(30, TimeUnit.SECONDS);

    assertSame(analysed, workspace.forDocument(edited, 0).get(), "line 0 is the same in both");
    assertSame(published, workspace.forDocument(edited, 1).get(), "line 1 is new");
    assertSame(published, workspace.forDocument(edited).get(), "the whole document changed");
    edit(3, "a: 2\nz: 1\n");
    published = workspace.settled().get(30, TimeUnit.SECONDS);
    assertSame(published, workspace.forDocument(edited, 0).get(), "line 0 changed since");
  }

  @Test
  void aHoverAboveAQueuedEditAnswersFromTheAnalysedStateWithoutWaitingForTheWriter()
      throws Exception {
    WorkspaceState analysed = analyseCurrent();
    blockWriter();
    edit(2, "a: 0\nz: 1\n");
    workspace.change(edited, 3, List.of(new ContentChange(Optional.of(Range.of(1, 3, 1, 4)), "2")));

    CompletableFuture<WorkspaceState> above = workspace.forDocument(edited, 0);
    CompletableFuture<WorkspaceState> at = workspace.forDocument(edited, 1);
    CompletableFuture<WorkspaceState> whole = workspace.forDocument(edited);
    assertTrue(above.isDone(), "line 0 is the same in the analysed state and the text sent");
    assertSame(analysed, above.get());
    assertFalse(at.isDone(), "line 1 is new: it waits for the queued edits");
    assertFalse(whole.isDone(), "a request about the whole document waits");

    busy.countDown();
    WorkspaceState settled = at.get(30, TimeUnit.SECONDS);
    assertEquals("a: 0\nz: 2\n", text(settled, "a.yaml"), "both splices reached the writer");
    assertEquals(Optional.of(3), settled.version(edited));
    assertSame(settled, whole.get(30, TimeUnit.SECONDS));
  }

  @Test
  void aHoverAboveAQueuedEditAnswersFromTheNewestStateWhenItIsRendered() throws Exception {
    WorkspaceState analysed = analyseCurrent();
    edit(2, "a: 0\nz: 1\n");
    WorkspaceState published = workspace.settled().get(30, TimeUnit.SECONDS);
    published.roots().get(0).snapshot().render();
    blockWriter();
    edit(3, "a: 0\nz: 2\n");

    CompletableFuture<WorkspaceState> above = workspace.forDocument(edited, 0);
    assertTrue(above.isDone(), "line 0 is the same in the published state");
    assertSame(published, above.get(), "rendered, so newer than the analysed one");
  }

  @Test
  void aHoverOnALineAQueuedEditChangedWaitsForIt() throws Exception {
    WorkspaceState analysed = analyseCurrent();
    blockWriter();
    edit(2, "a: 1\n");
    CompletableFuture<WorkspaceState> hover = workspace.forDocument(edited, 0);
    assertFalse(hover.isDone(), "line 0 differs from the analysed state's");
    busy.countDown();
    assertEquals("a: 1\n", text(hover.get(30, TimeUnit.SECONDS), "a.yaml"));
  }

  @Test
  void aHoverWaitsWhenNothingIsAnalysedYet() throws Exception {
    blockWriter();
    edit(2, "a: 0\nz: 1\n");
    CompletableFuture<WorkspaceState> hover = workspace.forDocument(edited, 0);
    assertFalse(hover.isDone(), "no analysed state holds the document");
    busy.countDown();
    assertEquals(Optional.of(2), hover.get(30, TimeUnit.SECONDS).version(edited));
  }

  @Test
  void aChangeOfADocumentThatIsNotOpenChangesNothing() throws Exception {
    String closed = root.resolve("c.yaml").toUri().toString();
    workspace.change(closed, 2, List.of(new ContentChange(Optional.empty(), "c: 1\n")));
    WorkspaceState state = workspace.settled().get(30, TimeUnit.SECONDS);
    assertEquals(Optional.empty(), state.version(closed));
    assertEquals("a: 0\n", text(state, "a.yaml"));
  }

  @Test
  void sameThroughComparesWholeLines() {
    assertTrue(Workspace.sameThrough("a: 0\nb\n", "a: 0\nc\n", 0));
    assertFalse(Workspace.sameThrough("a: 0\nb\n", "a: 0\nc\n", 1));
    assertFalse(Workspace.sameThrough("a: 0", "a: 0\n", 0), "the old line had no break yet");
    assertFalse(Workspace.sameThrough("a: 01\n", "a: 0\n", 0));
    assertFalse(Workspace.sameThrough("a: 0\n", "a: 0\n", 3), "no such line");
  }

  @Test
  void aQueuedFolderChangeMakesEveryRequestWait() throws Exception {
    blockWriter();
    workspace.diskChanged(root.resolve("b.yaml").toUri().toString());
    CompletableFuture<WorkspaceState> forOther = workspace.forDocument(other);
    assertFalse(forOther.isDone());
    busy.countDown();
    forOther.get(30, TimeUnit.SECONDS);
  }
}
