using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CampaignAdmin.Api.Data;

/// <summary>
/// Every writer of the campaigns database takes turns at SQLite's one write lock through this gate: creates (a chunk of
/// a big one at a time), the dispatcher's claims and outcomes, receipts, recovery, the sandbox's sends, deletes.
/// SQLite's own busy wait sleeps on the caller's thread with a back-off that grows to 100 ms a try, so a writer that met
/// the lock could sleep on well after it was free, and a big create could take the lock back after each chunk while a
/// small writer slept; here the waiters queue without holding a thread, and a big create holding a turn sees
/// <see cref="IsWanted"/> and ends its transaction at the next chunk. Statements outside a transaction (a rename, a
/// scheduled campaign's start) still meet SQLite's busy wait: they are rare and short.
/// <para>
/// On PostgreSQL this process's writers still take turns here. Nothing needs it for correctness: every claim, outcome,
/// receipt and recovery statement re-checks the row's state in its <c>WHERE</c> and counts only the rows it changed,
/// claims skip rows another claimer locked, and message ids are reserved under a database lock, so processes that share
/// one database but not this gate stay correct. It is kept because one process's writers touch the same rows (a
/// campaign's counters, a message that a receipt and an outcome both move): queued here they hold neither a pooled
/// connection nor an open transaction, never deadlock with each other, and a big create still ends its transaction
/// at the next chunk when someone waits.
/// </para>
/// </summary>
public sealed class CampaignWriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _waiting;

    /// <summary>Someone is queued for a turn: a big create holding one ends its transaction at the next chunk.</summary>
    public bool IsWanted => Volatile.Read(ref _waiting) > 0;

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!_gate.Wait(0, cancellationToken))
        {
            Interlocked.Increment(ref _waiting);
            try { await _gate.WaitAsync(cancellationToken); }
            finally { Interlocked.Decrement(ref _waiting); }
        }
        return new Turn(_gate);
    }

    /// <summary>A turn and a transaction in it: the turn ends when the transaction commits, rolls back or is disposed.</summary>
    public async Task<IDbContextTransaction> BeginTransactionAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var turn = await EnterAsync(cancellationToken);
        try
        {
            return new InTurn(await database.BeginTransactionAsync(cancellationToken), turn);
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }

    /// <summary>EF's transaction, giving the turn back as soon as the lock is (after commit or rollback, not at dispose).</summary>
    private sealed class InTurn(IDbContextTransaction transaction, IDisposable turn) : IDbContextTransaction, IInfrastructure<DbTransaction>
    {
        public Guid TransactionId => transaction.TransactionId;

        DbTransaction IInfrastructure<DbTransaction>.Instance => transaction.GetDbTransaction();

        public void Commit()
        {
            try { transaction.Commit(); }
            finally { turn.Dispose(); }
        }

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            try { await transaction.CommitAsync(cancellationToken); }
            finally { turn.Dispose(); }
        }

        public void Rollback()
        {
            try { transaction.Rollback(); }
            finally { turn.Dispose(); }
        }

        public async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            try { await transaction.RollbackAsync(cancellationToken); }
            finally { turn.Dispose(); }
        }

        public void Dispose()
        {
            try { transaction.Dispose(); }
            finally { turn.Dispose(); }
        }

        public async ValueTask DisposeAsync()
        {
            try { await transaction.DisposeAsync(); }
            finally { turn.Dispose(); }
        }
    }
}
