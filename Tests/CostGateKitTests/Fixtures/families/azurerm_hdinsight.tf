provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "hdi_us" {
  name     = "hdinsight-us"
  location = "eastus"
}

resource "azurerm_resource_group" "hdi_eu" {
  name     = "hdinsight-eu"
  location = "westeurope"
}

resource "azurerm_hdinsight_hadoop_cluster" "batch" {
  name                = "batch"
  resource_group_name = azurerm_resource_group.hdi_us.name
  location            = azurerm_resource_group.hdi_us.location
  cluster_version     = "4.0"
  tier                = "Standard"

  component_version {
    hadoop = "3.1"
  }
  gateway {
    username = "admin"
    password = "Passw0rd!"
  }
  storage_account {
    storage_container_id = "https://s.blob.core.windows.net/c"
    storage_account_key  = "key"
    is_default           = true
  }
  roles {
    head_node {
      vm_size  = "Standard_D3_V2"
      username = "admin"
      password = "Passw0rd!"
    }
    worker_node {
      vm_size               = "Standard_D4_V2"
      username              = "admin"
      password              = "Passw0rd!"
      target_instance_count = 4
    }
    zookeeper_node {
      vm_size  = "Standard_D3_V2"
      username = "admin"
      password = "Passw0rd!"
    }
    edge_node {
      vm_size               = "Standard_A5"
      target_instance_count = 1
    }
  }
}

resource "azurerm_hdinsight_kafka_cluster" "events" {
  name                = "events"
  resource_group_name = azurerm_resource_group.hdi_eu.name
  location            = azurerm_resource_group.hdi_eu.location
  cluster_version     = "4.0"
  tier                = "Premium"

  component_version {
    kafka = "2.1"
  }
  gateway {
    username = "admin"
    password = "Passw0rd!"
  }
  storage_account {
    storage_container_id = "https://s.blob.core.windows.net/c"
    storage_account_key  = "key"
    is_default           = true
  }
  roles {
    head_node {
      vm_size  = "Standard_E2s_V3"
      username = "admin"
      password = "Passw0rd!"
    }
    worker_node {
      vm_size                  = "Standard_D3_V2"
      username                 = "admin"
      password                 = "Passw0rd!"
      number_of_disks_per_node = 2
      target_instance_count    = 3
    }
    zookeeper_node {
      vm_size  = "Standard_D3_V2"
      username = "admin"
      password = "Passw0rd!"
    }
  }
}

resource "azurerm_hdinsight_spark_cluster" "analytics" {
  name                = "analytics"
  resource_group_name = azurerm_resource_group.hdi_eu.name
  location            = azurerm_resource_group.hdi_eu.location
  cluster_version     = "4.0"
  tier                = "Standard"

  component_version {
    spark = "2.4"
  }
  gateway {
    username = "admin"
    password = "Passw0rd!"
  }
  storage_account {
    storage_container_id = "https://s.blob.core.windows.net/c"
    storage_account_key  = "key"
    is_default           = true
  }
  roles {
    head_node {
      vm_size  = "Standard_G2"
      username = "admin"
      password = "Passw0rd!"
    }
    worker_node {
      vm_size               = "Standard_G2"
      username              = "admin"
      password              = "Passw0rd!"
      target_instance_count = 2
    }
    zookeeper_node {
      vm_size  = "Standard_G2"
      username = "admin"
      password = "Passw0rd!"
    }
  }
}

resource "azurerm_hdinsight_hbase_cluster" "wide" {
  name                = "wide"
  resource_group_name = azurerm_resource_group.hdi_us.name
  location            = azurerm_resource_group.hdi_us.location
  cluster_version     = "4.0"
  tier                = "Standard"

  component_version {
    hbase = "2.1"
  }
  gateway {
    username = "admin"
    password = "Passw0rd!"
  }
  storage_account {
    storage_container_id = "https://s.blob.core.windows.net/c"
    storage_account_key  = "key"
    is_default           = true
  }
  roles {
    head_node {
      vm_size  = "Standard_D1"
      username = "admin"
      password = "Passw0rd!"
    }
    worker_node {
      vm_size               = "Standard_D14"
      username              = "admin"
      password              = "Passw0rd!"
      target_instance_count = 5
    }
    zookeeper_node {
      vm_size  = "Standard_D4a_V4"
      username = "admin"
      password = "Passw0rd!"
    }
  }
}

resource "azurerm_hdinsight_interactive_query_cluster" "adhoc" {
  name                = "adhoc"
  resource_group_name = azurerm_resource_group.hdi_eu.name
  location            = azurerm_resource_group.hdi_eu.location
  cluster_version     = "4.0"
  tier                = "Standard"

  component_version {
    interactive_hive = "3.1"
  }
  gateway {
    username = "admin"
    password = "Passw0rd!"
  }
  storage_account {
    storage_container_id = "https://s.blob.core.windows.net/c"
    storage_account_key  = "key"
    is_default           = true
  }
  roles {
    head_node {
      vm_size  = "Standard_E2_V3"
      username = "admin"
      password = "Passw0rd!"
    }
    worker_node {
      vm_size               = "Standard_E16_V3"
      username              = "admin"
      password              = "Passw0rd!"
      target_instance_count = 2
    }
    zookeeper_node {
      vm_size  = "Standard_E64i_V3"
      username = "admin"
      password = "Passw0rd!"
    }
  }
}
