using SocialInnovation.Grains.Common;
using SocialInnovation.People;

namespace SocialInnovation.Grains.People;

public sealed class PersonGrain(
    [PersistentState("person", StorageNames.State)] IPersistentState<PersonState> state) : Grain, IPersonGrain
{
    private PersonState Person => state.State;

    private bool Exists => Person.Name.Length > 0;

    public Task<PersonProfile?> GetProfile() => Task.FromResult(
        Exists ? new PersonProfile(this.GetPrimaryKey(), Person.Name, Person.IsPlatformOrganizer, new Dictionary<Guid, CampRole>(Person.Camps), Person.Language) : null);

    public Task<CampRole?> GetRole(Guid campId) =>
        Task.FromResult(Person.Camps.TryGetValue(campId, out var role) ? role : (CampRole?)null);

    public async Task<CampRole> Join(Guid campId, CampRole role, string name)
    {
        if (Person.Camps.TryGetValue(campId, out var existing)) return existing;
        if (!Exists) Person.Name = name;
        Person.Camps[campId] = role;
        await state.Store(this);
        return role;
    }

    public async Task BecomePlatformOrganizer(string name)
    {
        if (Person.IsPlatformOrganizer) return;
        Person.IsPlatformOrganizer = true;
        if (!Exists) Person.Name = name;
        await state.Store(this);
    }

    public async Task SetLanguage(string language)
    {
        if (!Exists || Person.Language == language) return;
        Person.Language = language;
        await state.Store(this);
    }
}
