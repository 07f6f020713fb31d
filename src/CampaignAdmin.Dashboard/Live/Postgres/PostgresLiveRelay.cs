using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using CampaignAdmin.Client;
using CampaignAdmin.Dashboard.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CampaignAdmin.Dashboard.Live.Postgres;

/// <summary>
/// Several dashboards on one PostgreSQL database: a status change that reaches one instance (its webhook, its embedded API) is
/// sent to the others with <c>NOTIFY</c>, and what the others send is published here with <c>LISTEN</c>, so a page open on any
/// instance hears it. The channel is named after the API and key this dashboard uses, so dashboards of different companies on
/// one database never hear each other (the pages re-read with their own key in any case). One dedicated connection listens;
/// when it drops, it reconnects with a bounded back-off and then tells open pages to re-read (a change may have passed meanwhile).
/// </summary>
internal sealed class PostgresLiveRelay(
    DashboardStore store,
    LiveUpdates live,
    IOptions<CampaignApiOptions> api,
    ILogger<PostgresLiveRelay> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(15);

    private readonly Guid _instance = Guid.NewGuid();
    private readonly Channel<StatusChange> _outgoing = Channel.CreateBounded<StatusChange>(
        new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The <c>LISTEN</c>/<c>NOTIFY</c> channel: a lower-case identifier, so it needs no quoting.</summary>
    public string ChannelName { get; } = ChannelFor(api.Value);

    /// <summary>Completes once the first <c>LISTEN</c> is in place (tests wait for it rather than sleep).</summary>
    public Task Listening => _listening.Task;

    public static string ChannelFor(CampaignApiOptions options)
    {
        var tenant = SHA256.HashData(Encoding.UTF8.GetBytes($"{options.BaseUrl}\n{options.ApiKey}"));
        return "campaignadmin_live_" + Convert.ToHexStringLower(tenant)[..24];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = live.Subscribe(change =>
        {
            if (!change.FromPeer) _outgoing.Writer.TryWrite(change);
        });
        await Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(store.ConnectionString)
        {
            // Its own connection, never pooled; keepalives notice a server gone quiet while it waits.
            Pooling = false, KeepAlive = 15,
        }.ConnectionString;
        var retry = FirstRetry;
        var connectedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, notice) =>
                {
                    foreach (var change in PeerNotice.Read(notice.Payload, _instance)) live.Publish(change);
                };
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                retry = FirstRetry;
                if (connectedBefore)
                {
                    logger.LogInformation("Live updates from other dashboard instances are heard again");
                    // Whatever was sent while nobody listened: every open page re-reads.
                    live.Publish(new StatusChange(null, null, null, LiveSources.Webhook) { FromPeer = true });
                }
                connectedBefore = true;
                _listening.TrySetResult();
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or IOException)
            {
                logger.LogWarning("Live updates from other dashboard instances are not heard ({Reason}); trying again in {Delay} ms",
                    exception.Message, (int)retry.TotalMilliseconds);
            }
            try { await Task.Delay(retry, stoppingToken); }
            catch (OperationCanceledException) { return; }
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var reader = _outgoing.Reader;
        var batch = new List<StatusChange>();
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < 10_000 && reader.TryRead(out var change)) batch.Add(change);
                try
                {
                    await using var connection = new NpgsqlConnection(store.ConnectionString);
                    await connection.OpenAsync(stoppingToken);
                    foreach (var payload in PeerNotice.Pack(_instance, batch))
                    {
                        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                        notify.Parameters.AddWithValue("channel", ChannelName);
                        notify.Parameters.AddWithValue("payload", payload);
                        await notify.ExecuteNonQueryAsync(stoppingToken);
                    }
                }
                catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or IOException)
                {
                    // Other instances' pages still poll; they re-read when their listener is back.
                    logger.LogWarning("{Count} live update(s) could not be sent to other dashboard instances ({Reason})", batch.Count, exception.Message);
                }
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
