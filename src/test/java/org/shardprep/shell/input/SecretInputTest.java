package org.shardprep.shell.input;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretInputTest {

    @Test
    void variableNamesThatMarkASecret() {
        assertThat(SecretInput.isSecretVariable("PGPASSWORD")).isTrue();
        assertThat(SecretInput.isSecretVariable("db_passwd")).isTrue();
        assertThat(SecretInput.isSecretVariable("client_secret")).isTrue();
        assertThat(SecretInput.isSecretVariable("ApiToken")).isTrue();
        assertThat(SecretInput.isSecretVariable("API_KEY")).isTrue();
        assertThat(SecretInput.isSecretVariable("sort_key")).isTrue();   // broad on purpose
        assertThat(SecretInput.isSecretVariable("scale")).isFalse();
        assertThat(SecretInput.isSecretVariable("ON_ERROR_STOP")).isFalse();
    }

    @Test
    void setOfASecretVariableIsASecret() {
        assertThat(SecretInput.holdsSecret("\\set API_TOKEN abc")).isTrue();
        assertThat(SecretInput.holdsSecret("select 1 \\set scale 2")).isFalse();
        assertThat(SecretInput.holdsPassword("\\set API_TOKEN abc")).isFalse();
    }
}
