namespace CampaignAdmin.Api.Campaigns;

/// <summary>The <c>Campaigns</c> configuration section.</summary>
public sealed class CampaignRules
{
    public const string Section = "Campaigns";

    /// <summary>The country assumed for numbers written without a country code (create rule 9, docs/WIRE.md).</summary>
    public string DefaultRegion { get; set; } = Contracts.Validation.AccountIds.DefaultRegion;
}
