using System.Data.Common;

namespace CampaignAdmin.Api.Data;

/// <summary>Small helpers for the hot paths that bypass EF's change tracker (bulk inserts, claims, counters).</summary>
internal static class Sql
{
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Add(name, value);
        return command;
    }

    public static DbParameter Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public static async Task<int> ExecuteAsync(this DbConnection connection, DbTransaction? transaction, string text,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(transaction, text, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static string In(string prefix, int count) => string.Join(",", Enumerable.Range(0, count).Select(i => $"{prefix}{i}"));
}
