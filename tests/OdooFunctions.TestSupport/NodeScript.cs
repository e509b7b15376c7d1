using System.Diagnostics;
using System.Text;

namespace OdooFunctions.TestSupport;

/// <summary>
/// Runs a script with the machine's Node.js from the repository top, where <c>npm ci</c> put the packages it imports,
/// and hands back its exit code and output. Fails with what to do when Node.js or the packages are missing.
/// </summary>
public static class NodeScript
{
    /// <summary>A guard against a hung script, not a measurement: far above what any script here takes.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static async Task<NodeScriptResult> RunAsync(string script, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        RequirePackages();
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepositoryRoot.Path, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = StartNode(start);
        var output = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(errors, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {Limit.TotalMinutes} minutes.\n{output}\n{errors}");
        }

        // The asynchronous readers may still hold the last lines: WaitForExit() without a limit drains them.
        process.WaitForExit();
        return new NodeScriptResult(process.ExitCode, Locked(output), Locked(errors));
    }

    private static void RequirePackages()
    {
        // npm ci writes this file last.
        if (!File.Exists(RepositoryRoot.Combine("node_modules", ".package-lock.json")))
        {
            throw new InvalidOperationException($"The npm packages are not installed in {RepositoryRoot.Path}: run `npm ci` at the repository top.");
        }
    }

    private static Process StartNode(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Node.js (`node`) is not on the PATH: install Node.js 20 or later.", e);
        }
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }

    private static string Locked(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}

/// <summary>What a Node.js script left: its exit code, standard output and standard error.</summary>
public sealed record NodeScriptResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}--- stderr\n{Errors}";
}
