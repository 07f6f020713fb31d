namespace CampaignAdmin.Api.Sending;

/// <summary>
/// An optional capability of an <see cref="IMessageProvider"/>: it can say, for a message handed to it whose answer
/// was lost, whether it accepted it. Used to settle "outcome unknown" from evidence (docs/SENDING.md). A provider
/// implements it only if its "not accepted" is certain: a message it says it never accepted must not be able to
/// reach the customer later, because the dispatcher sends it again.
/// </summary>
public interface IProviderLookup
{
    /// <summary>One answer per key, in the order given.</summary>
    Task<IReadOnlyList<LookupResult>> FindAsync(IReadOnlyList<string> messageKeys, CancellationToken cancellationToken);
}

/// <param name="ProviderMessageId">The provider's ID of its latest accepted send of the message (when accepted).</param>
/// <param name="AcceptedAt">When it accepted that send.</param>
public sealed record LookupResult(LookupVerdict Verdict, string ProviderMessageId = "", DateTimeOffset? AcceptedAt = null)
{
    public static LookupResult Unknown { get; } = new(LookupVerdict.Unknown);

    public static LookupResult NeverAccepted { get; } = new(LookupVerdict.NeverAccepted);

    public static LookupResult Accepted(string providerMessageId, DateTimeOffset acceptedAt) => new(LookupVerdict.Accepted, providerMessageId, acceptedAt);
}

public enum LookupVerdict
{
    /// <summary>The provider cannot tell: the message stays "outcome unknown".</summary>
    Unknown,
    /// <summary>The provider accepted it (see <see cref="LookupResult.ProviderMessageId"/>).</summary>
    Accepted,
    /// <summary>Certainly never accepted: it can be sent again without a duplicate.</summary>
    NeverAccepted,
}
