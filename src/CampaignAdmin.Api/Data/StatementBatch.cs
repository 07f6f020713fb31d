using System.Data.Common;

namespace CampaignAdmin.Api.Data;

/// <summary>
/// Many runs of a few parameterized statements, queued and then run together, answering each run's rows-affected count
/// in the order queued. On PostgreSQL they go as one <see cref="DbBatch"/> per <see cref="MaxPerBatch"/> runs: one round
/// trip instead of one a row, which is what held dispatch there to about 700 messages a second (the sandbox's insert,
/// the outcome and the receipts are each a statement per message). SQLite has neither batches nor round trips: there
/// they run one by one through one reused command per statement text, as the hot paths always did.
/// </summary>
internal sealed class StatementBatch(DbConnection connection, DbTransaction transaction)
{
    /// <summary>Bounds one batch's message to the server (a run carries a few short parameters).</summary>
    public const int MaxPerBatch = 1000;

    private readonly List<(string Sql, (string Name, object? Value)[] Values)> _runs = [];

    public int Count => _runs.Count;

    public void Add(string sql, params (string Name, object? Value)[] values) => _runs.Add((sql, values));

    /// <summary>Runs everything queued (and forgets it): how many rows each run changed, in the order queued.</summary>
    public async Task<int[]> ExecuteAsync(CancellationToken cancellationToken)
    {
        var affected = new int[_runs.Count];
        if (connection.CanCreateBatch)
        {
            for (var start = 0; start < _runs.Count; start += MaxPerBatch)
            {
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                var end = Math.Min(_runs.Count, start + MaxPerBatch);
                for (var i = start; i < end; i++)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = _runs[i].Sql;
                    foreach (var (name, value) in _runs[i].Values)
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = name;
                        parameter.Value = value ?? DBNull.Value;
                        command.Parameters.Add(parameter);
                    }
                    batch.BatchCommands.Add(command);
                }
                await batch.ExecuteNonQueryAsync(cancellationToken);
                for (var i = start; i < end; i++) affected[i] = batch.BatchCommands[i - start].RecordsAffected;
            }
        }
        else
        {
            var commands = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
            try
            {
                for (var i = 0; i < _runs.Count; i++)
                {
                    var (sql, values) = _runs[i];
                    if (!commands.TryGetValue(sql, out var command))
                        commands[sql] = command = connection.Command(transaction, sql);
                    foreach (var (name, value) in values)
                    {
                        if (command.Parameters.Contains(name)) command.Parameters[name].Value = value ?? DBNull.Value;
                        else command.Add(name, value);
                    }
                    // SQLite runs synchronously anyway; skipping the async wrapper matters at hundreds of rows a batch.
                    affected[i] = command.ExecuteNonQuery();
                }
            }
            finally
            {
                foreach (var command in commands.Values) await command.DisposeAsync();
            }
        }
        _runs.Clear();
        return affected;
    }
}
