using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/OdooFunctions.Benchmarks -- <name>`; no name lists them.
return args.FirstOrDefault() switch
{
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/OdooFunctions.Benchmarks -- <benchmark>");
    _ = typeof(BenchmarkSwitcher);
    return 2;
}
