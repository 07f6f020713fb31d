namespace CampaignAdmin.Contracts.Campaigns;

/// <summary>Campaign status strings on the wire.</summary>
public static class CampaignStatus
{
    public const string Scheduled = "scheduled";
    public const string Sending = "sending";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static IReadOnlyList<string> All { get; } = [Scheduled, Sending, Completed, Failed];
}

/// <summary>A message's life, in the order it moves forward; <see cref="Unknown"/> is anything else the API says.</summary>
public enum MessageStatus
{
    Unknown = 0,
    Pending = 1,
    Sending = 2,
    Submitted = 3,
    Delivered = 4,
    Read = 5,
    Failed = 6,
}

public static class MessageStatuses
{
    public static IReadOnlyList<MessageStatus> Known { get; } =
        [MessageStatus.Pending, MessageStatus.Sending, MessageStatus.Submitted, MessageStatus.Delivered, MessageStatus.Read, MessageStatus.Failed];

    /// <summary>Case-insensitive; an unrecognised value is <see cref="MessageStatus.Unknown"/>, never an error.</summary>
    public static MessageStatus Parse(string? value) =>
        // Enum.TryParse reads "PENDING,SENDING" as a flags combination (= SUBMITTED) and "3" as a number.
        value is not null && !value.Contains(',') && !int.TryParse(value, out _)
        && Enum.TryParse<MessageStatus>(value, ignoreCase: true, out var status)
        && Enum.IsDefined(status) && status != MessageStatus.Unknown
            ? status
            : MessageStatus.Unknown;

    /// <summary>The wire form: <c>PENDING</c>, <c>SUBMITTED</c>, …</summary>
    public static string ToWire(this MessageStatus status) => status.ToString().ToUpperInvariant();
}
