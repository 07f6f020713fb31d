namespace CampaignAdmin.Api.Sending.Sandbox;

/// <summary>The <c>Sandbox</c> configuration section: how the built-in provider behaves.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    public TimeSpan DeliveredAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Measured from the send; numbers whose last digit is even are read.</summary>
    public TimeSpan ReadAfter { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Share of sends (0–1) throttled with 130429, which the dispatcher retries.</summary>
    public double RandomFailureRate { get; set; }

    /// <summary>A time each send takes, to mimic a real provider's latency.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;
}
