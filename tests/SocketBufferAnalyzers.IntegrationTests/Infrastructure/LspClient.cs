using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocketBufferAnalyzers.IntegrationTests.Infrastructure;

/// <summary>
/// A minimal Language Server Protocol client over a server's stdin/stdout (JSON-RPC with Content-Length framing),
/// enough to act as an editor: initialize, answer the server's requests, open a file, pull its diagnostics.
/// Everything the server says is kept in <see cref="Transcript"/> for failure messages.
/// </summary>
public sealed class LspClient : IDisposable
{
    private readonly Process process;
    private readonly Stream input;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly Func<string, JsonNode?, JsonNode?> answerServerRequest;
    private readonly StringBuilder transcript = new();
    private readonly object gate = new();
    private readonly Thread reader;
    private int nextId;

    private LspClient(Process process, Func<string, JsonNode?, JsonNode?> answerServerRequest)
    {
        this.process = process;
        this.answerServerRequest = answerServerRequest;
        input = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data != null)
            {
                Log("stderr: " + e.Data);
            }
        };
        process.BeginErrorReadLine();
        reader = new Thread(ReadLoop) { IsBackground = true, Name = "LSP reader" };
        reader.Start();
    }

    /// <summary>Everything exchanged and logged so far (server messages are cut at 2,000 characters each).</summary>
    public string Transcript
    {
        get
        {
            lock (gate)
            {
                return transcript.ToString();
            }
        }
    }

    /// <summary>Starts the server. <paramref name="answerServerRequest"/> answers requests the server sends to the client.</summary>
    public static LspClient Start(string fileName, IReadOnlyList<string> arguments, string workingDirectory, IDictionary<string, string> environment,
        Func<string, JsonNode?, JsonNode?> answerServerRequest)
    {
        var info = ProcessRunner.CreateStartInfo(fileName, arguments, workingDirectory);
        info.RedirectStandardInput = true;
        info.StandardOutputEncoding = null;
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        return new LspClient(process, answerServerRequest);
    }

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref nextId);
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var finished = await Task.WhenAny(completion.Task, Task.Delay(timeout)).ConfigureAwait(false);
        if (finished != completion.Task)
        {
            pending.TryRemove(id, out _);
            throw new TimeoutException($"No answer to {method} within {timeout.TotalSeconds:F0} s.");
        }

        return await completion.Task.ConfigureAwait(false);
    }

    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public bool HasExited => process.HasExited;

    /// <summary>Asks the server to shut down and exit; stops it if it does not within a few seconds.</summary>
    public async Task StopAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                await RequestAsync("shutdown", null, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                Notify("exit", null);
            }
        }
        catch (Exception e) when (e is TimeoutException or IOException or InvalidOperationException or LspException)
        {
            Log("shutdown: " + e.Message);
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            Kill();
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                // Only the server this client started, and its children (the MSBuild build host).
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (input)
        {
            input.Write(header);
            input.Write(body);
            input.Flush();
        }

        Log("client -> " + Cut(message.ToJsonString()));
    }

    private void ReadLoop()
    {
        var output = process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                var length = ReadHeaders(output);
                if (length < 0)
                {
                    break;
                }

                var body = new byte[length];
                output.ReadExactly(body);
                var text = Encoding.UTF8.GetString(body);
                Log("server -> " + Cut(text));
                Dispatch(JsonNode.Parse(text)!.AsObject());
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ObjectDisposedException or JsonException)
        {
            Log("reader stopped: " + e.Message);
        }

        foreach (var waiting in pending.Values)
        {
            waiting.TrySetException(new IOException("The language server closed its output."));
        }
    }

    private void Dispatch(JsonObject message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method != null && id != null)
        {
            // A request from the server to the client.
            JsonNode? result;
            try
            {
                result = answerServerRequest(method, message["params"]);
            }
            catch (Exception e)
            {
                Log($"answering {method} failed: {e}");
                result = null;
            }

            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
        }
        else if (method == null && id != null && pending.TryRemove(id.GetValue<int>(), out var completion))
        {
            if (message["error"] is JsonObject error)
            {
                completion.TrySetException(new LspException(error.ToJsonString()));
            }
            else
            {
                completion.TrySetResult(message["result"]?.DeepClone());
            }
        }
    }

    /// <summary>Reads "Header: value" lines up to the blank line; returns Content-Length, or -1 at the end of the stream.</summary>
    private static int ReadHeaders(Stream stream)
    {
        var length = -1;
        var line = new StringBuilder();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return -1;
            }

            if (b == '\n')
            {
                var text = line.ToString().TrimEnd('\r');
                line.Clear();
                if (text.Length == 0)
                {
                    if (length >= 0)
                    {
                        return length;
                    }

                    continue;
                }

                var colon = text.IndexOf(':');
                if (colon > 0 && text[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(text[(colon + 1)..].Trim());
                }
            }
            else
            {
                line.Append((char)b);
            }
        }
    }

    private void Log(string text)
    {
        lock (gate)
        {
            transcript.Append(DateTime.UtcNow.ToString("HH:mm:ss.fff")).Append(' ').AppendLine(text);
        }
    }

    private static string Cut(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}

public sealed class LspException(string error) : Exception("The language server answered with an error: " + error);
