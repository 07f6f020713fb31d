namespace CampaignAdmin.Client;

/// <summary>One page of a list and how many items the whole list holds.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);
