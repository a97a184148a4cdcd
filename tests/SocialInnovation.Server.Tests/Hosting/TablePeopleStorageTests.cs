using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;
using SocialInnovation.Grains.People;
using SocialInnovation.Server.Hosting;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Hosting;

/// <summary>
/// People's state in an Azure table (the storage emulator): new people of one partition are created
/// together, each answered once stored, a taken id refuses only its own create, and a person stored
/// in the blobs before the table existed is still found.
/// </summary>
public sealed class TablePeopleStorageTests
{
    private readonly LegacyStorage _legacy = new();
    private readonly TablePeopleStorage _storage;

    public TablePeopleStorageTests() => _storage = new TablePeopleStorage(
        new TableClient(TestStorage.ConnectionString, "peopletest" + Guid.NewGuid().ToString("N")[..12]),
        _legacy, NullLogger<TablePeopleStorage>.Instance);

    [Fact]
    public async Task People_created_at_once_in_one_partition_are_each_stored_and_then_changed_under_their_etag()
    {
        var people = SamePartition(30);

        var written = await Task.WhenAll(people.Select(async (id, i) =>
        {
            var state = New($"Person {i}");
            await _storage.WriteStateAsync("person", id, state);
            return state;
        }));

        for (var i = 0; i < people.Count; i++)
        {
            var read = await Read(people[i]);
            Assert.Equal(($"Person {i}", written[i].ETag), (read.State.Name, read.ETag));
        }
        var changed = await Read(people[0]);
        changed.State.Language = "ru";
        await _storage.WriteStateAsync("person", people[0], changed);
        Assert.Equal("ru", (await Read(people[0])).State.Language);
        // A write from what was read before that change is refused, not a lost update.
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("person", people[0], written[0]));
    }

    [Fact]
    public async Task Creating_a_person_whose_id_is_taken_is_refused_alone_and_the_others_created_with_it_are_stored()
    {
        var people = SamePartition(12);
        await _storage.WriteStateAsync("person", people[5], New("First"));

        var outcomes = await Task.WhenAll(people.Select(async id =>
        {
            try
            {
                await _storage.WriteStateAsync("person", id, New("Again"));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(people.Select((_, i) => i != 5), outcomes);
        Assert.Equal("First", (await Read(people[5])).State.Name);
        Assert.All(people.Where((_, i) => i != 5), id => Assert.Equal("Again", Read(id).Result.State.Name));
    }

    [Fact]
    public async Task A_person_stored_before_the_table_is_read_from_the_blobs_and_moves_to_the_table_on_the_next_write()
    {
        var id = SamePartition(1)[0];
        _legacy.Stored[id] = new PersonState { Name = "Aigerim", SessionStamp = 2 };

        var read = await Read(id);
        Assert.Equal(("Aigerim", 2, true), (read.State.Name, read.State.SessionStamp, read.RecordExists));
        read.State.SessionStamp = 3;
        await _storage.WriteStateAsync("person", id, read);
        _legacy.Stored.Clear();

        Assert.Equal(3, (await Read(id)).State.SessionStamp);
        Assert.Null((await Read(SamePartition(1)[0])).ETag); // someone unknown: nothing stored anywhere
    }

    private async Task<GrainState<PersonState>> Read(GrainId id)
    {
        var state = new GrainState<PersonState>(new PersonState());
        await _storage.ReadStateAsync("person", id, state);
        return state;
    }

    private static GrainState<PersonState> New(string name) => new(new PersonState { Name = name });

    /// <summary>People whose ids share their first four hex digits, as one invite's people do.</summary>
    private static List<GrainId> SamePartition(int count)
    {
        var prefix = Guid.NewGuid().ToString("N")[..4];
        return Enumerable.Range(0, count)
            .Select(_ => GrainId.Create("person", prefix + Guid.NewGuid().ToString("N")[4..]))
            .ToList();
    }

    private sealed class LegacyStorage : IGrainStorage
    {
        public Dictionary<GrainId, PersonState> Stored { get; } = [];

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (Stored.TryGetValue(grainId, out var person))
            {
                grainState.State = (T)(object)person;
                grainState.ETag = "blob-etag";
                grainState.RecordExists = true;
            }
            return Task.CompletedTask;
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw new InvalidOperationException("People are written to the table.");

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
    }
}
