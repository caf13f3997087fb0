package dev.strata.lsp.state;

import dev.strata.lsp.ServerLog;
import dev.strata.lsp.Settings;
import dev.strata.workspace.Loader;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one writer: every change (folders, open documents, disk events, settings) runs on a single
 * thread in arrival order and publishes a new {@link WorkspaceState}. Callers on the message thread
 * only enqueue. Open documents override the disk; closing one reverts to what the disk holds.
 *
 * <p>A burst of {@code didChange}s is coalesced: each change is spliced into the document's text on
 * the caller's thread, and the parse and the new state come once the writer has no change left in
 * its queue (or before anything that reads the state: another kind of change, or a request through
 * {@link #settled}). So a thousand keystrokes cost a thousand splices and one parse, render and
 * analysis; and since the caller knows each document's newest text, a request that reads only lines
 * the queued edits left alone answers from the newest rendered or analysed state without waiting
 * for the writer.
 */
public final class Workspace {
  private final ExecutorService writer;
  private final ServerLog log;
  private final Consumer<WorkspaceState> onChange;
  private volatile WorkspaceState state = WorkspaceState.EMPTY;
  private long revision;
  // Owned by the writer thread only.
  private final Map<String, OpenDocument> open = new HashMap<>();
  // Documents whose text changed since the last state, in change order; owned by the writer.
  private final java.util.LinkedHashSet<String> dirty = new java.util.LinkedHashSet<>();
  // didChanges enqueued and not yet spliced: a flush waits while more are coming.
  private final java.util.concurrent.atomic.AtomicInteger pendingChanges =
      new java.util.concurrent.atomic.AtomicInteger();
  private boolean flushQueued;
  // The version and text of each open document as the client last sent them, updated on the
  // caller's thread before the change is queued: a state whose version matches holds the text the
  // client sees, and a state whose document starts with the same lines answers for those lines.
  private final Map<String, OpenDocument> sent = new java.util.concurrent.ConcurrentHashMap<>();
  // Changes other than document edits (folders, disk, settings) queued and not yet applied.
  private final java.util.concurrent.atomic.AtomicInteger pendingOther =
      new java.util.concurrent.atomic.AtomicInteger();
  // The newest state whose analysis finished, for reads that need not wait for a render.
  private volatile WorkspaceState analysed = WorkspaceState.EMPTY;

  private record OpenDocument(int version, String text) {}

  public Workspace(ExecutorService writer, ServerLog log, Consumer<WorkspaceState> onChange) {
    this.writer = writer;
    this.log = log;
    this.onChange = onChange;
  }

  /** The latest published state; may lag changes still queued on the writer. */
  public WorkspaceState current() {
    return state;
  }

  /**
   * The state to answer a request about one document with, at once when a published state already
   * holds the text the client sent for it and nothing else is queued; otherwise once the queue
   * before this call is applied ({@link #settled}). Of the published state and the newest analysed
   * one, the analysed one answers while the published one is not rendered yet, if it holds that
   * document unchanged: a hover in one file does not wait for the render of another file's edit.
   */
  public CompletableFuture<WorkspaceState> forDocument(String uri) {
    return forDocument(uri, -1);
  }

  /**
   * As {@link #forDocument(String)}, for a request that reads nothing of its document after {@code
   * line} (a hover): the analysed state answers too when the document changed only below that line,
   * so a hover above the lines being typed does not wait for their render. {@code line} -1 asks for
   * the whole document.
   */
  public CompletableFuture<WorkspaceState> forDocument(String uri, int line) {
    String key = Uris.canonical(uri);
    WorkspaceState published = state;
    OpenDocument document = sent.get(key);
    if (pendingOther.get() > 0
        || !java.util.Objects.equals(
            document == null ? null : document.version(), published.openVersions().get(key))) {
      // As answering() does, the published state answers when it is rendered, else the analysed.
      WorkspaceState early = rendered(published) ? published : analysed;
      Optional<WorkspaceState> holding =
          pendingOther.get() == 0 && document != null && line >= 0
              ? holdingLines(early, key, document.text(), line)
              : Optional.empty();
      return holding
          .map(CompletableFuture::completedFuture)
          .orElseGet(() -> settled().thenApply(settled -> answering(settled, key, line)));
    }
    return CompletableFuture.completedFuture(answering(published, key, line));
  }

  /**
   * {@code done} when its text of the document holds the first {@code line + 1} lines of {@code
   * text}: a request that reads nothing below that line reads the same there, whatever edits the
   * writer has still to parse (a hover above the lines being typed).
   */
  private static Optional<WorkspaceState> holdingLines(
      WorkspaceState done, String uri, String text, int line) {
    return done.locate(uri)
        .flatMap(ref -> ref.root().snapshot().file(ref.path()))
        .filter(file -> sameThrough(file.text(), text, line))
        .map(file -> done);
  }

  /** The newest analysed state where it can answer for {@code published}, else that one. */
  private WorkspaceState answering(WorkspaceState published, String key, int line) {
    WorkspaceState done = analysed;
    if (done != published && !rendered(published) && sameDocument(done, published, key, line)) {
      return done;
    }
    return published;
  }

  /** Records that the analysis of a state finished, for {@link #forDocument}. */
  public void analysed(WorkspaceState done) {
    synchronized (sent) {
      if (done.revision() > analysed.revision()) {
        analysed = done;
      }
    }
  }

  private static boolean rendered(WorkspaceState state) {
    return state.roots().stream().allMatch(r -> r.snapshot().rendered());
  }

  private static boolean sameDocument(WorkspaceState a, WorkspaceState b, String uri, int line) {
    Optional<FileRef> first = a.locate(uri);
    Optional<FileRef> second = b.locate(uri);
    if (first.isEmpty() || second.isEmpty()) {
      return false;
    }
    FileRef x = first.get();
    FileRef y = second.get();
    if (!x.root().folder().equals(y.root().folder()) || !x.path().equals(y.path())) {
      return false;
    }
    Optional<SourceFile> fx = x.root().snapshot().file(x.path());
    Optional<SourceFile> fy = y.root().snapshot().file(y.path());
    return fx.isPresent()
        && fy.isPresent()
        && (fx.get() == fy.get()
            || line >= 0 && sameThrough(fx.get().text(), fy.get().text(), line));
  }

  /** True when both texts hold the same first {@code line + 1} lines, line breaks included. */
  static boolean sameThrough(String a, String b, int line) {
    int end = 0;
    for (int i = 0; i <= line; i++) {
      int next = b.indexOf('\n', end);
      if (next < 0) {
        return false;
      }
      end = next + 1;
    }
    return a.length() >= end && a.regionMatches(0, b, 0, end);
  }

  /** The state once every change queued before this call has been applied. */
  public CompletableFuture<WorkspaceState> settled() {
    return CompletableFuture.supplyAsync(
        () -> {
          flush();
          return state;
        },
        writer);
  }

  public void addFolders(List<Path> folders, Function<Integer, Progress> progress) {
    submit(
        () -> {
          List<RootState> roots = new ArrayList<>(state.roots());
          Progress reporter = progress.apply(folders.size());
          int done = 0;
          int files = 0;
          for (Path folder : folders) {
            Path normalized = folder.toAbsolutePath().normalize();
            if (roots.stream().noneMatch(r -> r.folder().equals(normalized))) {
              Optional<RootState> loaded = load(normalized);
              loaded.ifPresent(roots::add);
              files += loaded.map(r -> r.snapshot().files().size()).orElse(0);
            }
            done++;
            reporter.report(
                done + "/" + folders.size() + " folders", 100 * done / Math.max(1, folders.size()));
          }
          reporter.end(files + " YAML files");
          publish(roots, state.settings());
        });
  }

  public void removeFolders(List<Path> folders) {
    submit(
        () -> {
          List<Path> normalized =
              folders.stream().map(f -> f.toAbsolutePath().normalize()).toList();
          publish(
              state.roots().stream().filter(r -> !normalized.contains(r.folder())).toList(),
              state.settings());
        });
  }

  public void open(String uri, int version, String text) {
    sent.put(Uris.canonical(uri), new OpenDocument(version, text));
    submit(
        () -> {
          String key = Uris.canonical(uri);
          open.put(key, new OpenDocument(version, text));
          replaceFile(key, Optional.of(text));
        });
  }

  /**
   * Splices a didChange into the document's text here, on the caller's thread (a splice costs one
   * scan of the text), and hands the writer the result.
   */
  public void change(String uri, int version, List<ContentChange> changes) {
    String key = Uris.canonical(uri);
    OpenDocument before = sent.get(key);
    if (before == null) {
      log.warn("didChange for a document that is not open: " + uri);
      return;
    }
    OpenDocument after = new OpenDocument(version, ContentChange.apply(before.text(), changes));
    sent.put(key, after);
    pendingChanges.incrementAndGet();
    submitChange(
        () -> {
          pendingChanges.decrementAndGet();
          if (!open.containsKey(key)) {
            return;
          }
          open.put(key, after);
          dirty.add(key);
          if (!flushQueued) {
            flushQueued = true;
            submitChange(this::flushWhenQuiet);
          }
        });
  }

  /** Runs the flush once no didChange is waiting behind it; otherwise goes to the back again. */
  private void flushWhenQuiet() {
    if (pendingChanges.get() > 0 && !dirty.isEmpty()) {
      submitChange(this::flushWhenQuiet);
      return;
    }
    flushQueued = false;
    flush();
  }

  /** Parses the documents changed since the last state and publishes one new state for them. */
  private void flush() {
    if (dirty.isEmpty()) {
      return;
    }
    List<String> changed = new ArrayList<>(dirty);
    dirty.clear();
    for (String key : changed) {
      OpenDocument document = open.get(key);
      if (document != null) {
        replaceFile(key, Optional.of(document.text()));
      }
    }
  }

  public void close(String uri) {
    sent.remove(Uris.canonical(uri));
    submit(
        () -> {
          String key = Uris.canonical(uri);
          if (open.remove(key) != null) {
            replaceFile(key, Optional.empty());
          }
        });
  }

  /** A file changed, appeared or vanished on disk; open documents keep the editor's text. */
  public void diskChanged(String uri) {
    submit(
        () -> {
          String key = Uris.canonical(uri);
          Optional<FileRef> file = state.locate(key);
          if (file.isPresent() && file.get().path().equals(Snapshot.CONFIG_FILE)) {
            reload(file.get().root());
          } else if (!open.containsKey(key)) {
            replaceFile(key, Optional.empty());
          }
        });
  }

  public void settings(Settings settings) {
    submit(
        () -> {
          List<RootState> roots = new ArrayList<>();
          for (RootState root : state.roots()) {
            roots.add(
                RootState.of(
                    root.folder(), root.snapshot().withSeverityOverrides(settings.rules())));
          }
          publish(roots, settings);
        });
  }

  private void reload(RootState root) {
    List<RootState> roots = new ArrayList<>(state.roots());
    int index = roots.indexOf(root);
    Optional<RootState> loaded = load(root.folder());
    if (loaded.isPresent()) {
      roots.set(index, loaded.get());
    } else {
      roots.remove(index);
    }
    publish(roots, state.settings());
  }

  /** Loads a folder from disk, then lays the open documents inside it over the disk's text. */
  private Optional<RootState> load(Path folder) {
    try {
      Snapshot snapshot = Loader.load(folder).withSeverityOverrides(state.settings().rules());
      for (Map.Entry<String, OpenDocument> document : open.entrySet()) {
        Optional<Path> path = Uris.path(document.getKey());
        if (path.isPresent() && path.get().startsWith(folder)) {
          String relative = folder.relativize(path.get()).toString().replace('\\', '/');
          snapshot = snapshot.withFile(SourceFile.parse(relative, document.getValue().text()));
        }
      }
      return Optional.of(RootState.of(folder, snapshot));
    } catch (IOException e) {
      log.warn("cannot read workspace folder " + folder + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Puts the editor's text, or the disk's when empty, in place of a file of the folder that holds
   * it.
   */
  private void replaceFile(String uri, Optional<String> text) {
    Optional<FileRef> located = state.locate(uri);
    if (located.isEmpty() || !isYaml(located.get().path())) {
      return;
    }
    RootState root = located.get().root();
    String path = located.get().path();
    Snapshot snapshot = root.snapshot();
    Snapshot next;
    if (text.isPresent()) {
      next = snapshot.withFile(SourceFile.parse(path, text.get()));
    } else {
      next =
          readDisk(root.folder(), path, snapshot)
              .map(snapshot::withFile)
              .orElseGet(() -> snapshot.withoutFile(path));
    }
    List<RootState> roots = new ArrayList<>(state.roots());
    roots.set(roots.indexOf(root), RootState.of(root.folder(), next));
    publish(roots, state.settings());
  }

  private Optional<SourceFile> readDisk(Path folder, String path, Snapshot snapshot) {
    try {
      return Loader.readFile(folder, path, snapshot.config().maxFileSize());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean isYaml(String path) {
    return path.endsWith(".yaml") || path.endsWith(".yml");
  }

  private void publish(List<RootState> roots, Settings settings) {
    Map<String, Integer> versions = new HashMap<>();
    open.forEach((uri, document) -> versions.put(uri, document.version()));
    state = new WorkspaceState(++revision, roots, settings, versions);
    onChange.accept(state);
  }

  /** Runs a change that reads or replaces the state, after the spliced edits are parsed. */
  private void submit(Runnable change) {
    pendingOther.incrementAndGet();
    boolean queued =
        submitChange(
            () -> {
              try {
                flush();
                change.run();
              } finally {
                pendingOther.decrementAndGet();
              }
            });
    if (!queued) {
      pendingOther.decrementAndGet();
    }
  }

  private boolean submitChange(Runnable change) {
    try {
      writer.execute(
          () -> {
            try {
              change.run();
            } catch (RuntimeException e) {
              // One bad change must not stop the writer: later edits still apply.
              log.error("a workspace change failed", e);
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      // The server is shutting down; late notifications are dropped.
      return false;
    }
  }
}
