namespace Fangkong.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
