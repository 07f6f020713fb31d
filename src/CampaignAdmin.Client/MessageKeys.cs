namespace CampaignAdmin.Client;

/// <summary>A message's identity is its <c>MessageKey</c>; a message without one cannot be matched or resent.</summary>
public static class MessageKeys
{
    public static bool IsUsable(string? key) => !string.IsNullOrWhiteSpace(key);

    /// <summary>Same message: both keys usable and equal (ignoring case). Two empty keys are never the same message.</summary>
    public static bool Same(string? a, string? b) => IsUsable(a) && IsUsable(b) && string.Equals(a!.Trim(), b!.Trim(), StringComparison.OrdinalIgnoreCase);
}
