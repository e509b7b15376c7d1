using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OdooFunctions.Functions.Storage;

namespace OdooFunctions.Functions.Push;

public static class PushServiceCollectionExtensions
{
    /// <summary>
    /// The webhook path: receiver → queue (<c>WEBHOOK_QUEUE</c>) → processor, with the MO index (<c>PUSH_INDEX_TABLE</c>).
    /// Settings: <c>WEBHOOK_INITIAL_DELAY_SECONDS</c> (0–60), <c>WEBHOOK_RECHECKS</c> (0–10), <c>PUSH_INDEX_REFRESH_SECONDS</c> (≥ 1).
    /// </summary>
    public static IServiceCollection AddPush(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PushOptions>()
            .Configure(options =>
            {
                if (configuration[PushOptions.QueueSetting] is { Length: > 0 } queue)
                {
                    options.QueueName = queue.Trim();
                }

                if (configuration["PUSH_INDEX_TABLE"] is { Length: > 0 } table)
                {
                    options.IndexTable = table.Trim();
                }

                if (Seconds(configuration["WEBHOOK_INITIAL_DELAY_SECONDS"]) is { } delay)
                {
                    options.InitialDelay = TimeSpan.FromSeconds(delay);
                }

                if (Seconds(configuration["WEBHOOK_RECHECKS"]) is { } rechecks)
                {
                    options.Rechecks = rechecks;
                }

                if (Seconds(configuration["PUSH_INDEX_REFRESH_SECONDS"]) is { } refresh)
                {
                    options.IndexRefreshInterval = TimeSpan.FromSeconds(refresh);
                }
            })
            .Validate(o => IsQueueName(o.QueueName), "WEBHOOK_QUEUE must be 3-63 lowercase letters, digits and single dashes")
            .Validate(o => o.IndexTable.Length is >= 3 and <= 63 && char.IsAsciiLetter(o.IndexTable[0]) && o.IndexTable.All(char.IsAsciiLetterOrDigit),
                "PUSH_INDEX_TABLE must be 3-63 letters and digits, starting with a letter")
            .Validate(o => o.InitialDelay >= TimeSpan.Zero && o.InitialDelay <= TimeSpan.FromSeconds(60), "WEBHOOK_INITIAL_DELAY_SECONDS must be a whole number from 0 to 60")
            .Validate(o => o.Rechecks is >= 0 and <= 10, "WEBHOOK_RECHECKS must be a whole number from 0 to 10")
            .Validate(o => o.IndexRefreshInterval >= TimeSpan.FromSeconds(1), "PUSH_INDEX_REFRESH_SECONDS must be a whole number of at least 1")
            .Validate(_ => Parses(configuration, "WEBHOOK_INITIAL_DELAY_SECONDS") && Parses(configuration, "WEBHOOK_RECHECKS") && Parses(configuration, "PUSH_INDEX_REFRESH_SECONDS"),
                "WEBHOOK_INITIAL_DELAY_SECONDS, WEBHOOK_RECHECKS and PUSH_INDEX_REFRESH_SECONDS must be whole numbers")
            .ValidateOnStart();

        services.AddQueueStorage(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MoChangeQueueClient>();
        services.TryAddSingleton<PushIndex>();
        services.TryAddSingleton<MoChangeProcessor>();
        services.TryAddSingleton<MoChangeCoalescer>();
        return services;
    }

    private static int? Seconds(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool Parses(IConfiguration configuration, string name) =>
        string.IsNullOrWhiteSpace(configuration[name]) || Seconds(configuration[name]?.Trim()) is not null;

    private static bool IsQueueName(string name) =>
        name.Length is >= 3 and <= 63 && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && !name.Contains("--", StringComparison.Ordinal);
}
