using FluentValidation;

namespace CampaignAdmin.Contracts.Validation;

/// <summary>
/// The request's cancellation token, for rules that scan large input. The rules are synchronous (the dashboard runs them
/// as the user types), so the token travels in the validation context rather than through <c>ValidateAsync</c>.
/// </summary>
public static class ValidationCancellation
{
    public const string Key = "CancellationToken";

    /// <summary>A context for <paramref name="instance"/> whose scanning rules stop when <paramref name="cancellationToken"/> is cancelled.</summary>
    public static ValidationContext<T> For<T>(T instance, CancellationToken cancellationToken)
    {
        var context = new ValidationContext<T>(instance);
        context.RootContextData[Key] = cancellationToken;
        return context;
    }

    public static CancellationToken Of(IValidationContext context) =>
        context.RootContextData.TryGetValue(Key, out var value) && value is CancellationToken token ? token : CancellationToken.None;
}
