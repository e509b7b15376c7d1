namespace OdooFunctions.Functions.Http;

/// <summary>
/// One row of the error table: a failure type and how it is answered. Each part adds the rows of its own failures
/// (<see cref="ApiErrorRegistration"/>, in its <c>AddXxx</c>); <see cref="ApiErrors"/> picks the row of the most
/// specific type. <paramref name="Answer"/> gets the table too, for a failure that wraps another one.
/// </summary>
/// <param name="When">Optional: the row applies only to failures it accepts (e.g. an aggregate of storage failures).</param>
public sealed record ApiErrorRow(Type ExceptionType, Func<Exception, ApiErrors, ApiErrorAnswer> Answer, Func<Exception, bool>? When = null);
