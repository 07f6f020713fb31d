using CampaignAdmin.Api.Sending;
using Npgsql;

namespace CampaignAdmin.Api.Data.Postgres;

/// <summary>
/// <c>Dispatcher:MessagesPerSecond</c> for every API process on the database together (the provider's limit is per phone
/// number, not per process): <see cref="Pacer"/>'s two rules run on a log kept in <c>paceslots</c>, on the database's
/// clock, and a slot is given under one advisory lock, so no two processes can both take the last room.
/// <list type="bullet">
/// <item>A slot given and not yet handed over counts in every window; its row says when its messages went (this process's
/// reading of the send moment, moved onto the database's clock by the offset measured when the slot was given).</item>
/// <item>A process that dies holding a slot leaves its row counting until <see cref="GivenFor"/> has passed: room lost for
/// a while, never room given twice.</item>
/// </list>
/// </summary>
public sealed class PostgresPace(CampaignDatabase database, TimeProvider clock, ILogger<PostgresPace> logger) : ISharedPace
{
    /// <summary>Any number, the same in every process: the lock under which a slot is given.</summary>
    private const long PaceLock = 0x4341_4D50_5041_4345; // "CAMPPACE"

    private const long Second = 1_000_000;

    /// <summary>How long a slot given and never handed over (its process died) keeps its room, in microseconds.</summary>
    private const long GivenFor = 30 * Second;

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<(ISharedSlot? Slot, TimeSpan Wait)> TryTakeAsync(Pacer pacer, int count, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = Micros(clock.GetUtcNow());
        long now;
        await using (var locked = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(@lock), (extract(epoch FROM clock_timestamp()) * 1000000)::bigint", connection, transaction))
        {
            locked.Parameters.AddWithValue("lock", PaceLock);
            await using var reader = await locked.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            now = reader.GetInt64(1);
        }
        // The database's clock less ours, from a reading of ours taken before the database's: never less than the true
        // offset (by the round trip and the lock's wait), so a hand-over is logged at or after its real moment. Later
        // is safe (it counts in a window longer); earlier would not be.
        var offset = now - before;

        var log = new List<(long At, int Count)>();
        var (reserved, nextFree) = (0, 0L);
        await using (var read = new NpgsqlCommand(
            """
            DELETE FROM paceslots WHERE handedoverat <= @now - @window OR (handedoverat IS NULL AND givenuntil < @now);
            SELECT handedoverat, count, nextfree FROM paceslots ORDER BY handedoverat NULLS LAST, id
            """, connection, transaction))
        {
            read.Parameters.AddWithValue("now", now);
            read.Parameters.AddWithValue("window", Second);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.IsDBNull(0)) reserved += reader.GetInt32(1);
                else log.Add((reader.GetInt64(0), reader.GetInt32(1)));
                nextFree = Math.Max(nextFree, reader.GetInt64(2));
            }
        }
        var wait = pacer.UntilFree(log, reserved, nextFree, count, now, Second);
        if (wait > 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return (null, TimeSpan.FromMicroseconds(wait));
        }
        long id;
        await using (var give = new NpgsqlCommand(
            """
            INSERT INTO paceslots (owner, count, nextfree, handedoverat, givenuntil) VALUES (@owner, @count, @next, NULL, @until)
            RETURNING id
            """, connection, transaction))
        {
            give.Parameters.AddWithValue("owner", _owner);
            give.Parameters.AddWithValue("count", count);
            give.Parameters.AddWithValue("next", Pacer.NextFreeAfter(nextFree, now, count, Second, pacer.MicrosPerMessage));
            give.Parameters.AddWithValue("until", now + GivenFor);
            id = (long)(await give.ExecuteScalarAsync(cancellationToken))!;
        }
        await transaction.CommitAsync(cancellationToken);
        return (new Given(this, id, offset), TimeSpan.Zero);
    }

    private static long Micros(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).Ticks / 10;

    /// <summary>
    /// Written in the background: the send must not wait for it. Until it lands the slot counts in every window, so a late
    /// (or lost) write costs room, never the cap.
    /// </summary>
    private void Write(long id, string sql, params (string Name, object Value)[] values) => _ = Task.Run(async () =>
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("id", id);
            foreach (var (name, value) in values) command.Parameters.AddWithValue(name, value);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Recording pace slot {Slot} failed; its room stays taken until it expires", id);
        }
    });

    private sealed class Given(PostgresPace pace, long id, long offset) : ISharedSlot
    {
        public void HandedOver(int count, DateTimeOffset at)
        {
            if (count <= 0) Release();
            else pace.Write(id, "UPDATE paceslots SET handedoverat = @at, count = @count WHERE id = @id", ("at", Micros(at) + offset), ("count", count));
        }

        public void Release() => pace.Write(id, "DELETE FROM paceslots WHERE id = @id");
    }
}
