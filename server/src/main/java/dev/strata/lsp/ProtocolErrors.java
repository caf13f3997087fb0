package dev.strata.lsp;

import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * JSON-RPC's exact errors for malformed requests. A request whose params lack a field the method
 * needs gets {@code InvalidParams} (-32602) from the handler ({@link #invalid}); one whose params
 * have the wrong JSON types is refused by LSP4J while reading, with {@code ParseError}, which
 * JSON-RPC keeps for text that is not JSON: {@link #endpoint} turns that into {@code InvalidParams}
 * too. The answer names the method and the JSON path, never a value.
 */
final class ProtocolErrors {
  private static final Pattern JSON_PATH = Pattern.compile("path (\\$[^\\s]*)");

  private ProtocolErrors() {}

  static <T> CompletableFuture<T> invalid(String method, String problem) {
    return CompletableFuture.failedFuture(
        new ResponseErrorException(
            new ResponseError(
                ResponseErrorCode.InvalidParams,
                "invalid params for " + method + ": " + problem,
                null)));
  }

  /**
   * LSP4J's endpoint, except for the code of requests whose params could not be read, and of
   * requests that LSP4J's service interfaces declare but the server does not announce: their
   * default methods throw {@code UnsupportedOperationException}, which is MethodNotFound (-32601),
   * not an internal error.
   */
  static RemoteEndpoint endpoint(MessageConsumer out, Endpoint local, MessageJsonHandler json) {
    return new RemoteEndpoint(out, local, ProtocolErrors::error) {
      /** A notification sent with an id is refused, and not run: nothing could answer it. */
      @Override
      protected void handleRequest(RequestMessage request) {
        JsonRpcMethod method = json.getJsonRpcMethod(request.getMethod());
        if (method != null && method.isNotification()) {
          out.consume(
              createErrorResponseMessage(
                  request,
                  new ResponseError(
                      ResponseErrorCode.MethodNotFound,
                      request.getMethod() + " is a notification: send it without an id",
                      null)));
          return;
        }
        super.handleRequest(request);
      }

      @Override
      protected void handleRequestIssues(RequestMessage request, List<MessageIssue> issues) {
        super.handleRequestIssues(
            request, issues.stream().map(issue -> classify(request, issue)).toList());
      }
    };
  }

  static ResponseError error(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof UnsupportedOperationException) {
        return new ResponseError(
            ResponseErrorCode.MethodNotFound, "the server does not support this request", null);
      }
    }
    return RemoteEndpoint.DEFAULT_EXCEPTION_HANDLER.apply(thrown);
  }

  static MessageIssue classify(RequestMessage request, MessageIssue issue) {
    if (issue.getIssueCode() != ResponseErrorCode.ParseError.getValue()
        || request.getMethod() == null
        || malformed(issue.getCause())) {
      return issue;
    }
    return new MessageIssue(
        "invalid params for " + request.getMethod() + ": " + where(issue.getCause()),
        ResponseErrorCode.InvalidParams.getValue());
  }

  private static boolean malformed(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof MalformedJsonException || t instanceof EOFException) {
        return true;
      }
    }
    return false;
  }

  /** Gson's messages quote the offending value for numbers; only the JSON path is kept. */
  private static String where(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      Matcher path = JSON_PATH.matcher(String.valueOf(t.getMessage()));
      if (path.find()) {
        return "a value of the wrong type at " + path.group(1);
      }
    }
    return "a value of the wrong type";
  }
}
