resource "google_storage_bucket" "data" {
  name = "x"
  location = 
}
}
