namespace CampaignAdmin.Api.Sending;

/// <summary>
/// Where messages go: the sandbox by default, the WhatsApp Cloud API in production. A provider sends a batch and
/// says, for each message, whether it was accepted, failed for certain, or ended with an unknown outcome.
/// </summary>
public interface IMessageProvider
{
    string Name { get; }

    /// <param name="moment">Read it right before the batch leaves: that reading is the moment the pace counts.</param>
    Task<IReadOnlyList<SendOutcome>> SendAsync(IReadOnlyList<OutgoingMessage> batch, SendMoment moment, CancellationToken cancellationToken);
}

/// <param name="Attempt">1 for the first try; resends and retries count up.</param>
public sealed record OutgoingMessage(string MessageKey, string To, string Payload, int Attempt);

public sealed record SendOutcome(bool Accepted, string ProviderMessageId, int ErrorCode, string Error, SendFailureKind Failure)
{
    public static SendOutcome Ok(string providerMessageId) => new(true, providerMessageId, 0, "", SendFailureKind.None);

    public static SendOutcome Failed(int code, string error, SendFailureKind kind = SendFailureKind.Permanent) =>
        new(false, "", code, error, kind);

    /// <summary>Certainly not sent, and nothing will be until an operator acts (<see cref="SendFailureKind.Held"/>).</summary>
    public static SendOutcome Held(int code, string error) => new(false, "", code, error, SendFailureKind.Held);
}

public enum SendFailureKind
{
    None,
    /// <summary>The provider refused it; sending again will not help without a person deciding to.</summary>
    Permanent,
    /// <summary>Certainly not sent (throttled 130429 / HTTP 429, connection refused): safe to retry automatically.</summary>
    NotSent,
    /// <summary>It may have been sent (timeout after the request left, crash mid-send): never retried automatically.</summary>
    OutcomeUnknown,
    /// <summary>
    /// Certainly not sent, and the provider can send nothing at all until an operator acts (its credentials were
    /// refused): the message goes back to PENDING with its attempt given back, so a refused token never uses up the
    /// queue's attempts. The provider says so through <see cref="ISendingPause"/>, which stops the dispatcher claiming.
    /// </summary>
    Held,
}
