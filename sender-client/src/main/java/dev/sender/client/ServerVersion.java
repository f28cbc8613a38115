package dev.sender.client;

/**
 * What {@code GET /version} answers: {@code {"Version": {"api": 2, "major": 0, "minor": 1, "patch": 0}}}.
 *
 * @param api the API version the server implements
 * @param major the server's major version
 * @param minor the server's minor version
 * @param patch the server's patch version
 */
public record ServerVersion(int api, int major, int minor, int patch) {

    /** {@code major.minor.patch}, such as {@code 0.1.0}. */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch + " (api " + api + ")";
    }
}
