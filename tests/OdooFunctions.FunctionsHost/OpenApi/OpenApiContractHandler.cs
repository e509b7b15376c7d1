namespace OdooFunctions.FunctionsHost.OpenApi;

/// <summary>
/// Holds every answer the tests' <see cref="HttpClient"/> receives to the document the app itself serves: a status the
/// operation does not list, or a body its schema refuses, fails the test (<see cref="OpenApiContractViolationException"/>).
/// A request the document cannot know says so itself (<see cref="UndocumentedRequest"/>).
/// </summary>
public sealed class OpenApiContractHandler(Uri baseAddress) : DelegatingHandler(new SocketsHttpHandler())
{
    // The document is a constant of the build: fetched from the first app that serves it, then shared by every host.
    private static readonly SemaphoreSlim Loading = new(1, 1);
    private static OpenApiContract? s_contract;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Options.TryGetValue(UndocumentedRequest.Reason, out var reason) && !string.IsNullOrWhiteSpace(reason))
        {
            return response;
        }

        var contract = await ContractAsync(cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        var violations = contract.Check(request.Method.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType, body);
        if (violations.Count > 0)
        {
            response.Dispose();
            throw new OpenApiContractViolationException(
                $"{request.Method} {path} answered {(int)response.StatusCode}, which the OpenAPI document ({OpenApiContract.DocumentPath}) does not allow:\n  "
                + string.Join("\n  ", violations)
                + "\nFix the document or the app; a test that calls something the document cannot know marks its request with UndocumentedRequest.");
        }

        return response;
    }

    private async Task<OpenApiContract> ContractAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref s_contract) is { } loaded)
        {
            return loaded;
        }

        await Loading.WaitAsync(cancellationToken);
        try
        {
            if (s_contract is null)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, OpenApiContract.DocumentPath));
                using var response = await base.SendAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
                Volatile.Write(ref s_contract, OpenApiContract.Parse(await response.Content.ReadAsStringAsync(cancellationToken)));
            }

            return s_contract!;
        }
        finally
        {
            Loading.Release();
        }
    }
}
