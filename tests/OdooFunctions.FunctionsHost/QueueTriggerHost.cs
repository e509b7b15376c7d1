using System.Reflection;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Functions;

namespace OdooFunctions.FunctionsHost;

/// <summary>
/// Runs the app's queue-triggered functions from real Azurite queues the way the Functions host's queue listener does,
/// with the settings host.json gives it: up to <c>batchSize</c> messages per poll, a new poll once no more than
/// <c>newBatchThreshold</c> are still running, polls spaced from 100 ms up to <c>maxPollingInterval</c> while the queue is
/// empty, a failed message made visible again after <c>visibilityTimeout</c>, and after <c>maxDequeueCount</c> tries
/// moved to <c>&lt;queue&gt;-poison</c>. The queue name comes from functions.metadata (<c>%SETTING%</c> resolved from the
/// app settings). Stands in only for the host process.
/// </summary>
public sealed class QueueTriggerHost : IAsyncDisposable
{
    // How long the host hides a message it is working on (it renews it for long invocations; ours are short).
    private static readonly TimeSpan InvocationVisibility = TimeSpan.FromMinutes(10);

    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _listeners = [];
    private int _invocations;
    private int _failures;
    private int _poisoned;

    private QueueTriggerHost(HostQueueSettings settings) => Settings = settings;

    public HostQueueSettings Settings { get; }

    /// <summary>Invocations that completed without an exception.</summary>
    public int Invocations => Volatile.Read(ref _invocations);

    /// <summary>Invocations that threw (the message is retried or poisoned).</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>Messages moved to a poison queue.</summary>
    public int Poisoned => Volatile.Read(ref _poisoned);

    /// <summary>Listens on every queue trigger's queue of the storage account in the app setting <c>AzureWebJobsStorage</c>.</summary>
    public static QueueTriggerHost Start(IServiceProvider app, IConfiguration configuration, HostQueueSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        settings ??= HostQueueSettings.Load();
        var host = new QueueTriggerHost(settings);
        // The host decodes messages as host.json says, whatever the app's own client does.
        var queues = new QueueServiceClient(configuration["AzureWebJobsStorage"], new QueueClientOptions
        {
            MessageEncoding = settings.MessageEncoding.Equals("base64", StringComparison.OrdinalIgnoreCase) ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None,
        });
        foreach (var function in FunctionsMetadata.Load().Where(f => f.TriggerType == "queueTrigger"))
        {
            var name = Resolve(function.QueueName!, configuration);
            host._listeners.Add(Task.Run(() => host.ListenAsync(app, function, queues.GetQueueClient(name), queues.GetQueueClient(name + "-poison"))));
        }

        return host;
    }

    /// <summary><c>%NAME%</c> → the app setting NAME, as the host resolves binding expressions.</summary>
    public static string Resolve(string expression, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(configuration);
        return expression.StartsWith('%') && expression.EndsWith('%')
            ? configuration[expression[1..^1]] ?? throw new InvalidOperationException($"The app setting '{expression[1..^1]}' that the trigger names is not set.")
            : expression;
    }

    private async Task ListenAsync(IServiceProvider app, FunctionMetadata function, QueueClient queue, QueueClient poison)
    {
        var stopping = _stopping.Token;
        await queue.CreateIfNotExistsAsync(cancellationToken: stopping);
        var running = new List<Task>();
        var delay = HostQueueSettings.MinimumPollingInterval;
        while (!stopping.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            if (running.Count > Settings.NewBatchThreshold)
            {
                await Task.WhenAny(running);
                continue;
            }

            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(Settings.BatchSize, InvocationVisibility, stopping)).Value;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Azure.RequestFailedException)
            {
                messages = [];
            }

            if (messages.Length > 0)
            {
                delay = HostQueueSettings.MinimumPollingInterval;
                running.AddRange(messages.Select(m => ProcessAsync(app, function, queue, poison, m)));
                continue;
            }

            // Empty: back off, randomized and doubling, up to maxPollingInterval (the SDK's RandomizedExponentialBackoffStrategy).
            try
            {
                await Task.Delay(delay, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var next = delay.TotalMilliseconds * (1.6 + (Random.Shared.NextDouble() * 0.8));
            delay = TimeSpan.FromMilliseconds(Math.Min(next, Settings.MaxPollingInterval.TotalMilliseconds));
        }

        await Task.WhenAll(running);
    }

    private async Task ProcessAsync(IServiceProvider app, FunctionMetadata function, QueueClient queue, QueueClient poison, QueueMessage message)
    {
        try
        {
            await InvokeAsync(app, function, message.MessageText);
            Interlocked.Increment(ref _invocations);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception) when (!_stopping.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failures);
            try
            {
                if (message.DequeueCount >= Settings.MaxDequeueCount)
                {
                    await poison.CreateIfNotExistsAsync();
                    await poison.SendMessageAsync(message.MessageText);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    Interlocked.Increment(ref _poisoned);
                }
                else
                {
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: Settings.VisibilityTimeout);
                }
            }
            catch (Azure.RequestFailedException)
            {
                // The message comes back when its invocation visibility ends, as with the real host.
            }
        }
    }

    private async Task InvokeAsync(IServiceProvider app, FunctionMetadata function, string message)
    {
        await using var scope = app.CreateAsyncScope();
        var context = new TestFunctionContext(function.Name, function.EntryPoint, scope.ServiceProvider, null, _stopping.Token);
        var method = function.ResolveMethod();
        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, method.DeclaringType!);
        var arguments = method.GetParameters().Select(object? (parameter) => parameter.ParameterType switch
        {
            var t when t == typeof(string) => message,
            var t when t == typeof(FunctionContext) => context,
            var t when t == typeof(CancellationToken) => _stopping.Token,
            _ => throw new NotSupportedException($"{function.Name}: cannot bind parameter '{parameter.Name}' of type {parameter.ParameterType}."),
        }).ToArray();
        try
        {
            await (Task)method.Invoke(instance, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_listeners);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
