package dev.strata.lsp;

import com.google.gson.JsonObject;
import dev.strata.lsp.diagnostics.CurrentFindings;
import dev.strata.lsp.diagnostics.DiagnosticsPublisher;
import dev.strata.lsp.diagnostics.DiagnosticsScheduler;
import dev.strata.lsp.features.DependencyGraphs;
import dev.strata.lsp.features.SecretsInventory;
import dev.strata.lsp.state.Uris;
import dev.strata.lsp.state.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The lifecycle: initialize reads the client's capabilities, folders and settings; initialized
 * starts indexing and registers file watchers; shutdown then exit ends with code 0, exit alone with
 * 1. The exit code is handed to {@link #exitCode()} rather than to {@code System.exit}, so that
 * tests run in-process.
 */
public final class StrataLanguageServer
    implements LanguageServer, LanguageClientAware, StrataExtensions {
  private static final List<String> WATCHED =
      List.of("**/*.{yaml,yml}", "**/.sops.yaml", "**/.strata.yaml");

  private final ServerExecutors executors;
  private final ServerLog log;
  private final Workspace workspace;
  private final Requests requests;
  private final SettingsSource settings;
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private final StrataTextDocumentService documents;
  private final StrataWorkspaceService workspaceService;
  private volatile LanguageClient client;
  private volatile ClientSupport support = ClientSupport.NONE;
  private volatile DiagnosticsPublisher publisher;
  private volatile DiagnosticsScheduler scheduler;
  private volatile CurrentFindings findings;
  private volatile boolean shutDown;
  private volatile List<Path> folders = List.of();

  public StrataLanguageServer(ServerExecutors executors, ServerLog log) {
    this.executors = executors;
    this.log = log;
    this.workspace =
        new Workspace(
            executors.writer(),
            log,
            state -> {
              DiagnosticsScheduler current = scheduler;
              if (current != null) {
                current.schedule(state);
              }
            });
    this.requests = new Requests(executors.requests(), workspace, () -> shutDown);
    this.settings = new SettingsSource(workspace, log);
    this.documents =
        new StrataTextDocumentService(workspace, requests, () -> support, () -> findings);
    this.workspaceService = new StrataWorkspaceService(workspace, requests, settings);
  }

  @Override
  public void connect(LanguageClient languageClient) {
    this.client = languageClient;
    log.connect(languageClient);
  }

  /** Completes with the process exit code: on exit, when the client's process dies, or never. */
  public CompletableFuture<Integer> exitCode() {
    return exitCode;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (params == null || params.getCapabilities() == null) {
      return ProtocolErrors.invalid("initialize", "capabilities are required");
    }
    support = ClientSupport.of(params.getCapabilities());
    publisher = new DiagnosticsPublisher(client, support);
    findings = new CurrentFindings(publisher, log);
    scheduler =
        new DiagnosticsScheduler(
            executors.diagnostics(), workspace::current, publisher, log, workspace::analysed);
    settings.connect(client, support);
    settings.initial(params.getInitializationOptions());
    folders = folders(params);
    ParentWatcher.watch(
        params.getProcessId(),
        executors.watchdog(),
        () -> {
          log.warn("the client process " + params.getProcessId() + " is gone; exiting");
          exitCode.complete(1);
        });
    return CompletableFuture.completedFuture(
        new InitializeResult(Capabilities.server(), new ServerInfo("strata", version())));
  }

  @SuppressWarnings("deprecation")
  private static List<Path> folders(InitializeParams params) {
    List<Path> result = new ArrayList<>(StrataWorkspaceService.paths(params.getWorkspaceFolders()));
    if (result.isEmpty() && params.getRootUri() != null) {
      Uris.path(params.getRootUri()).ifPresent(result::add);
    }
    if (result.isEmpty() && params.getRootPath() != null) {
      result.add(Path.of(params.getRootPath()));
    }
    return result;
  }

  @Override
  public void initialized(InitializedParams params) {
    if (support.watchedFilesRegistration()) {
      List<FileSystemWatcher> watchers =
          WATCHED.stream().map(g -> new FileSystemWatcher(Either.forLeft(g))).toList();
      Registration registration =
          new Registration(
              "strata-watched-files",
              "workspace/didChangeWatchedFiles",
              new DidChangeWatchedFilesRegistrationOptions(watchers));
      client.registerCapability(new RegistrationParams(List.of(registration)));
    }
    settings.pull();
    workspace.addFolders(
        folders,
        n ->
            ClientProgress.start(
                client, support, "Indexing " + n + " Flux folder" + (n == 1 ? "" : "s")));
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutDown = true;
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    exitCode.complete(shutDown ? 0 : 1);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspaceService;
  }

  @Override
  public CompletableFuture<JsonObject> dependencyGraph(DependencyGraphs.Params params) {
    return requests.compute(state -> DependencyGraphs.of(state, params));
  }

  @Override
  public CompletableFuture<JsonObject> secrets(SecretsInventory.Params params) {
    return requests.compute(state -> SecretsInventory.of(state, params, findings::of));
  }

  private static String version() {
    String version = StrataLanguageServer.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
