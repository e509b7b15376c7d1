using Microsoft.Extensions.Time.Testing;

namespace OdooFunctions.Functions.Tests.App;

public sealed class SingleFlightTests
{
    [Fact]
    public async Task Concurrent_callers_share_one_run_and_the_value_is_kept()
    {
        var runs = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var flight = new SingleFlight<int>(async () =>
        {
            Interlocked.Increment(ref runs);
            await release.Task;
            return 42;
        });

        var callers = Enumerable.Range(0, 50).Select(_ => flight.GetAsync(CancellationToken.None).AsTask()).ToArray();
        release.SetResult();

        Assert.All(await Task.WhenAll(callers), value => Assert.Equal(42, value));
        Assert.Equal(42, await flight.GetAsync(CancellationToken.None));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task A_failed_run_is_forgotten_so_the_next_caller_runs_again()
    {
        var runs = 0;
        var flight = new SingleFlight<int>(() => ++runs == 1 ? Task.FromException<int>(new InvalidOperationException("first")) : Task.FromResult(runs));

        await Assert.ThrowsAsync<InvalidOperationException>(() => flight.GetAsync(CancellationToken.None).AsTask());

        Assert.Equal(2, await flight.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_run_the_others_wait_for()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var flight = new SingleFlight<int>(() => release.Task);
        using var impatient = new CancellationTokenSource();

        var giveUp = flight.GetAsync(impatient.Token).AsTask();
        var patient = flight.GetAsync(CancellationToken.None).AsTask();
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => giveUp);
        release.SetResult(7);

        Assert.Equal(7, await patient);
    }

    [Fact]
    public async Task Values_and_failures_are_kept_for_the_times_given_and_ForgetValue_keeps_a_failure()
    {
        var clock = new FakeTimeProvider();
        var runs = 0;
        var fail = true;
        var flight = new SingleFlight<int>(
            () => { runs++; return fail ? Task.FromException<int>(new InvalidOperationException()) : Task.FromResult(runs); },
            clock,
            keepValue: _ => TimeSpan.FromMinutes(10),
            keepFailure: _ => TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<InvalidOperationException>(() => flight.GetAsync(CancellationToken.None).AsTask());
        fail = false;
        flight.ForgetValue();
        await Assert.ThrowsAsync<InvalidOperationException>(() => flight.GetAsync(CancellationToken.None).AsTask());
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, await flight.GetAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.Equal(2, await flight.GetAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(3, await flight.GetAsync(CancellationToken.None));
        flight.ForgetValue();
        Assert.Equal(4, await flight.GetAsync(CancellationToken.None));
    }
}
