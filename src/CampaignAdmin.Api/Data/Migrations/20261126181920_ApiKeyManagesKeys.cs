using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignAdmin.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApiKeyManagesKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Keys that existed before came from the CLI or the demo seed, which manage keys; new rows always say which they are.
            migrationBuilder.AddColumn<bool>(
                name: "ManagesKeys",
                table: "ApiKeys",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ManagesKeys",
                table: "ApiKeys");
        }
    }
}
