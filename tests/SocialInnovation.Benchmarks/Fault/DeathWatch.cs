using Azure.Data.Tables;

namespace SocialInnovation.Benchmarks.Fault;

/// <summary>Watches the cluster's membership table (Azure Table clustering) for a silo being declared dead.</summary>
public sealed class DeathWatch(string storage, string clusterId)
{
    private readonly TableClient _table = new TableServiceClient(storage).GetTableClient("OrleansSiloInstances");

    public async Task Wait(int siloPort)
    {
        var before = await DeadRows(siloPort);
        while (await DeadRows(siloPort) <= before) await Task.Delay(100);
    }

    private async Task<int> DeadRows(int siloPort)
    {
        var count = 0;
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == clusterId))
            if (row.TryGetValue("Port", out var port) && port?.ToString() == siloPort.ToString() && row.TryGetValue("Status", out var status) && status?.ToString() == "Dead") count++;
        return count;
    }
}
