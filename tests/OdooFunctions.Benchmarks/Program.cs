using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/OdooFunctions.Benchmarks -- <name>`; no name lists them.
return args.FirstOrDefault() switch
{
    "client" => BenchmarkRunner.Run<OdooFunctions.Benchmarks.ClientOverheadBenchmark>(args: [.. args.Skip(1)]).HasCriticalValidationErrors ? 1 : 0,
    "sync" => await OdooFunctions.Benchmarks.SyncBenchmark.RunAsync([.. args.Skip(1)]),
    "create" => await OdooFunctions.Benchmarks.CreateBenchmark.RunAsync([.. args.Skip(1)]),
    "burst" => await OdooFunctions.Benchmarks.BurstBenchmark.RunAsync([.. args.Skip(1)]),
    "push" => await OdooFunctions.Benchmarks.PushBenchmark.RunAsync([.. args.Skip(1)]),
    "proxy" => await OdooFunctions.Benchmarks.ProxyCostBenchmark.RunAsync([.. args.Skip(1)]),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/OdooFunctions.Benchmarks -- <benchmark>");
    _ = typeof(BenchmarkSwitcher);
    return 2;
}
