using OdooFunctions.Functions.Contract;


namespace OdooFunctions.Functions.Http;

/// <summary>
/// The one error table: every part's rows (<see cref="ApiErrorRow"/>), looked up by the failure's type and then its base
/// types, so the most specific row wins whatever order the parts registered in. A failure no row knows is a bug: 500,
/// without details.
/// </summary>
public sealed class ApiErrors
{
    private readonly Dictionary<Type, List<ApiErrorRow>> _rows = [];

    public ApiErrors(IEnumerable<ApiErrorRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            if (!_rows.TryGetValue(row.ExceptionType, out var list))
            {
                _rows[row.ExceptionType] = list = [];
            }

            list.Add(row);
        }
    }

    public static ApiErrorAnswer Unexpected { get; } = new(500, new ErrorEnvelope("An unexpected error occurred. It has been logged.", new ApiError(ApiErrorCodes.InternalError)));

    /// <summary>The answer to <paramref name="failure"/>, or null when no part expects it.</summary>
    public ApiErrorAnswer? Find(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        for (var type = failure.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            if (_rows.TryGetValue(type, out var rows) && rows.FirstOrDefault(row => row.When?.Invoke(failure) ?? true) is { } row)
            {
                return row.Answer(failure, this);
            }
        }

        return null;
    }

    /// <summary>The answer to <paramref name="failure"/> as a result to write; null when no part expects it.</summary>
    public ApiResult? TryMap(Exception failure) => Find(failure) is { } answer ? ToResult(answer) : null;

    public static ApiResult ToResult(ApiErrorAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var result = ApiResponses.Error(answer.Status, answer.Envelope);
        foreach (var (name, value) in answer.Headers)
        {
            result.Headers[name] = value;
        }

        return result;
    }
}
