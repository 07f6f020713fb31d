using System.Net;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Dashboard.Tests.Support;

/// <summary>
/// The sync extension: absent (404, as the sandbox and the vendor's API answer) unless <see cref="CanSync"/>; a sync
/// answers <see cref="Report"/>, or <see cref="Failure"/> when set.
/// </summary>
public sealed class FakeTemplateSyncApi : ITemplateSyncApi
{
    public bool CanSync { get; set; }

    public TemplateSyncReport Report { get; set; } = new() { Pages = 3, Templates = 5, Added = 2, Updated = 1, SyncedAt = "2025-03-01T09:00:00Z" };

    public Exception? Failure { get; set; }

    public int Syncs { get; private set; }

    public async Task<TemplateSyncReport> GetTemplateSyncAsync(CancellationToken cancellationToken = default) =>
        CanSync ? new TemplateSyncReport() : throw await FakeCampaignApi.Error(HttpStatusCode.NotFound, "not found");

    public Task<TemplateSyncReport> SyncTemplatesAsync(CancellationToken cancellationToken = default)
    {
        Syncs++;
        return Failure is { } failure ? Task.FromException<TemplateSyncReport>(failure) : Task.FromResult(Report);
    }
}
