package dev.strata.lsp;

import org.eclipse.lsp4j.services.LanguageServer;

/** The server as the test client sees it: standard LSP plus Strata's custom requests. */
interface TestServer extends LanguageServer, StrataExtensions {}
