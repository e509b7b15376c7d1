using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Functions.Http.Envelopes;
using OdooFunctions.Functions.ManufacturingOrders;
using static OdooFunctions.Functions.Http.ApiErrorCodes;

namespace OdooFunctions.Functions.Http;

public static class HttpServiceCollectionExtensions
{
    /// <summary>
    /// The one error middleware and the rows of the failures every HTTP function shares (the request's own: bad input,
    /// bad JSON, a cancelled call). Each part adds its own rows in its <c>AddXxx</c>.
    /// </summary>
    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        services.AddSingleton<ApiErrorMiddleware>();
        services.AddErrorAnswer<ApiException>((ex, _) => new ApiErrorAnswer(ex.StatusCode, new ErrorEnvelope(ex.Message, new ApiError(ex.Code))));
        services.AddErrorAnswer<JsonException>(400, InvalidJson, _ => "The request body is not valid JSON.");
        services.AddErrorAnswer<OperationCanceledException>(499, Cancelled, _ => "The request was cancelled.");
        AddManufacturingOrderErrors(services);
        return services;
    }

    // The manufacturing-order rules' failures (moving to their part's own registration).
    private static void AddManufacturingOrderErrors(IServiceCollection services)
    {
        services.AddErrorAnswer<PartiallyAppliedException>((ex, table) => PartiallyApplied(ex, table));
        services.AddErrorAnswer<CreateOutcomeUnknownException>((ex, table) => OutcomeUnknown(ex, table));
        services.AddErrorAnswer<ManufacturingOrderNotFoundException>(404, NotFound, ex => ex.Message);
        services.AddErrorAnswer<InvalidTransitionException>(409, InvalidTransition, ex => ex.Message);
        services.AddErrorAnswer<StateNotReachedException>(409, StateNotChanged, ex => ex.Message);
        services.AddErrorAnswer<BackorderDecisionNeededException>(409, BackorderDecisionNeeded, ex => ex.Message);
        services.AddErrorAnswer<StartActionMissingException>(422, Unprocessable, ex => ex.Message);
        services.AddErrorAnswer<CreateInProgressException>(409, CreateInProgress, ex => ex.Message,
            (ex, answer) => answer.WithRetryAfter(TimeSpan.FromSeconds(ex.RetryAfterSeconds)));
        services.AddErrorAnswer<IdempotencyKeyReusedException>(422, IdempotencyKeyReused, ex => ex.Message);
        services.AddErrorAnswer<AmbiguousCreateException>(409, AmbiguousCreate, ex => ex.Message,
            (ex, answer) => answer with { Envelope = answer.Envelope with { Candidates = ex.Candidates } });
        services.AddErrorAnswer<WizardDecisionException>(409, OdooWizard, ex => ex.Message, (ex, answer) => answer with
        {
            Envelope = answer.Envelope with
            {
                Error = new ApiError(ex.WizardModel == WizardDecisionException.Backorder ? BackorderDecisionNeeded : OdooWizard) { Wizard = ex.WizardModel },
            },
        });
        services.AddErrorAnswer<ApiUserLacksRightException>(403, OdooAccessDenied, ex => ex.Message);
    }

    /// <summary>The failure's own answer, with what Odoo was left holding differently: never a hidden change.</summary>
    private static ApiErrorAnswer PartiallyApplied(PartiallyAppliedException partial, ApiErrors table)
    {
        var answer = table.Find(partial.Cause) ?? ApiErrors.Unexpected;
        return answer with
        {
            Envelope = answer.Envelope with
            {
                Message = $"{answer.Envelope.Message} {partial.Summary}",
                Applied = partial.Applied,
                AppliedVerified = partial.Verified,
            },
        };
    }

    /// <summary>The lost answer's status (503 / 504 / 502), with what a retry will do instead of Odoo's wording.</summary>
    private static ApiErrorAnswer OutcomeUnknown(CreateOutcomeUnknownException unknown, ApiErrors table)
    {
        var answer = table.Find(unknown.Cause) ?? ApiErrors.Unexpected;
        answer = answer with { Envelope = answer.Envelope with { Message = unknown.Message, Error = new ApiError(CreateOutcomeUnknown) } };
        return unknown.RetryAfterSeconds is { } seconds ? answer.WithRetryAfter(TimeSpan.FromSeconds(seconds)) : answer;
    }
}
