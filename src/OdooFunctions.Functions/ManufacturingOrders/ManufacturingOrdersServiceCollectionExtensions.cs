using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.ManufacturingOrders.Creating;
using OdooFunctions.Functions.ManufacturingOrders.Reading;
using OdooFunctions.Functions.ManufacturingOrders.Updating;
using OdooFunctions.Functions.Odoo;
using OdooFunctions.Functions.Settings;
using OdooFunctions.Functions.Contract;
using static OdooFunctions.Functions.Contract.ApiErrorCodes;

namespace OdooFunctions.Functions.ManufacturingOrders;

public static class ManufacturingOrdersServiceCollectionExtensions
{
    /// <summary>
    /// Reading, creating and updating manufacturing orders, over the typed Odoo client (<c>AddOdooServices</c>, registered
    /// before it). The create's claims live in the app's Table storage; their <see cref="IdempotencyOptions"/> are bound and
    /// checked at start.
    /// </summary>
    public static IServiceCollection AddManufacturingOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<IdempotencyOptions, IdempotencyOptionsValidator>(configuration)
            // A lease that can end while its create is still running in Odoo would let a retry make a second order.
            .Validate<IOptions<OdooOptions>>((idempotency, odoo) => idempotency.LeaseSeconds < 1 || idempotency.LeaseSeconds > odoo.Value.TimeoutSeconds,
                $"IDEMPOTENCY_LEASE_SECONDS must be longer than the Odoo call timeout (ODOO_TIMEOUT_SECONDS, default {OdooOptions.DefaultTimeoutSeconds})");
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ManufacturingOrderService>();
        services.AddSingleton<CreateRecordStore>();
        services.AddSingleton<ManufacturingOrderCreator>();
        services.AddSingleton<UpdateStepRunner>();
        services.AddSingleton<ManufacturingOrderWorkflow>();
        AddErrors(services);
        return services;
    }

    /// <summary>How the rules' own failures are answered.</summary>
    private static void AddErrors(IServiceCollection services)
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
